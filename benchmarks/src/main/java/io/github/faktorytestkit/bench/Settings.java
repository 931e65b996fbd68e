package io.github.faktorytestkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code scripts/bench} passes in: the binaries to compare and whether to run the short version.
 *
 * @param quick the short version CI runs (one run per side, small sizes): it only proves the harness works
 * @param fakeJar the standalone fake, {@code fake-server/target/faktory-fake-server.jar}
 * @param faktory the real {@code faktory} binary
 * @param load Faktory's Go {@code load} tool
 * @param fakeJvmOptions extra options for every fake JVM the harness starts (a profiler agent, say)
 */
public record Settings(boolean quick, Path fakeJar, Path faktory, Path load, List<String> fakeJvmOptions) {

  /** Returns the settings from the system properties {@code bench.quick}, {@code bench.fakeJar} and so on. */
  static Settings fromSystemProperties() {
    return new Settings(Boolean.getBoolean("bench.quick"), existing("bench.fakeJar"), existing("bench.faktory"),
        existing("bench.load"), options(System.getProperty("bench.fakeJvmOptions", "")));
  }

  /** Returns how many interleaved runs each side gets. */
  public int runs() {
    return quick ? 1 : 5;
  }

  /** Returns {@code full} for a full run and {@code short} for a quick one. */
  public int size(int full, int quickSize) {
    return quick ? quickSize : full;
  }

  /** Returns {@code extra} after the fake JVM options given on the command line. */
  public List<String> fakeJvm(String... extra) {
    List<String> all = new ArrayList<>(fakeJvmOptions);
    all.addAll(List.of(extra));
    return all;
  }

  private static List<String> options(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.exists(Path.of(value))) {
      throw new IllegalArgumentException(property + ": " + value + " (expected: an existing file)");
    }
    return Path.of(value);
  }
}
