package io.github.faktorytestkit.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This process's resident memory in KiB, for BEAT's {@code rss_kb}: Linux's VmRSS, else the JVM's used heap. */
final class ResidentMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ResidentMemory() {}

  static long kilobytes() {
    try {
      if (Files.isReadable(STATUS)) {
        List<String> lines = Files.readAllLines(STATUS);
        for (String line : lines) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall back to the heap below
    }
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) / 1024;
  }
}
