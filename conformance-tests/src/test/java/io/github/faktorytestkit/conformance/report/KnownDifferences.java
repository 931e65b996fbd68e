package io.github.faktorytestkit.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fake's deliberate differences from real Faktory, read from {@code fake-server/KNOWN-DIFFERENCES.md} (the
 * path in {@code -Dfaktory.known.differences}, else next to this module): its sections and bullets go into the
 * report as they are.
 */
final class KnownDifferences {
  /** The system property naming the file. */
  static final String PROPERTY = "faktory.known.differences";

  private KnownDifferences() {}

  /** Writes the file's sections and bullets (continuation lines joined) onto {@code page}. */
  static void render(Page page) {
    Path file = Path.of(System.getProperty(PROPERTY, "../fake-server/KNOWN-DIFFERENCES.md"));
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      page.paragraph("(cannot read " + file + ": " + e.getMessage() + ")");
      return;
    }
    StringBuilder bullet = null;
    for (String line : lines) {
      boolean continues = bullet != null && line.startsWith("  ") && !line.isBlank();
      if (continues) {
        bullet.append(' ').append(line.strip());
        continue;
      }
      if (bullet != null) {
        page.bullet(bullet.toString());
        bullet = null;
      }
      if (line.startsWith("## ")) {
        page.heading(3, line.substring(3));
      } else if (line.startsWith("- ")) {
        bullet = new StringBuilder(line.substring(2));
      }
    }
    if (bullet != null) {
      page.bullet(bullet.toString());
    }
  }
}
