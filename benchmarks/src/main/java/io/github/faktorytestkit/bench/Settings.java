package io.github.faktorytestkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code scripts/bench} passes in: the binaries to compare and whether to run the short version.
 *
 * @param quick the short version CI runs (one run per side, small sizes): it only proves the harness works
 * @param fakeJar the standalone fake, {@code fake-server/target/faktory-fake-server.jar}
 * @param faktory the real {@code faktory} binary
 * @param load Faktory's Go {@code load} tool
 */
public record Settings(boolean quick, Path fakeJar, Path faktory, Path load) {

  /** Returns the settings from the system properties {@code bench.quick}, {@code bench.fakeJar} and so on. */
  static Settings fromSystemProperties() {
    return new Settings(Boolean.getBoolean("bench.quick"), existing("bench.fakeJar"), existing("bench.faktory"),
        existing("bench.load"));
  }

  /** Returns how many interleaved runs each side gets. */
  public int runs() {
    return quick ? 1 : 5;
  }

  /** Returns {@code full} for a full run and {@code short} for a quick one. */
  public int size(int full, int quickSize) {
    return quick ? quickSize : full;
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.exists(Path.of(value))) {
      throw new IllegalArgumentException(property + ": " + value + " (expected: an existing file)");
    }
    return Path.of(value);
  }
}
