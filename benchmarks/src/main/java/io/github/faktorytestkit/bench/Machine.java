package io.github.faktorytestkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The line that says where and when a table was measured. */
final class Machine {
  private Machine() {}

  static String describe() {
    return Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", JDK "
        + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor") + "), load average "
        + firstField("/proc/loadavg") + ", " + ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
        + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm z"));
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return Math.round(kb / 1048576.0) + " GB memory";
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "memory unknown";
  }

  private static String firstField(String file) {
    try {
      return Files.readString(Path.of(file)).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
