package io.github.faktorytestkit.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Progress lines of a conformance run: printed, and appended to {@code progress.log} in the report folder, which
 * {@code scripts/conformance} follows while Maven runs (Failsafe keeps a forked JVM's output for its own reports).
 */
public final class Progress {
  private Progress() {}

  /** Prints {@code line} and appends it to the progress log, when a report folder is configured. */
  public static synchronized void line(String line) {
    System.out.println(line);
    String directory = System.getProperty(ConformanceListener.DIRECTORY_PROPERTY);
    if (directory == null || directory.isBlank()) {
      return;
    }
    try {
      Path folder = Files.createDirectories(Path.of(directory));
      Files.writeString(folder.resolve("progress.log"), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("[conformance] cannot append to the progress log: " + e);
    }
  }
}
