package io.github.faktorytestkit.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locates executables of the real Faktory setup: the {@code faktory} binary in {@code FAKTORY_BIN}, then in the
 * cache folder {@code scripts/provision-faktory} fills, then on {@code PATH}; {@code redis-server} on {@code PATH};
 * the Go load tester {@code load} next to {@code FAKTORY_BIN} or in the cache folder.
 */
final class FaktoryBinary {
  static final String DEFAULT_VERSION = "1.9.4";
  static final String VERSION_PROPERTY = "faktory.version";

  private FaktoryBinary() {}

  /** Returns the Faktory version the tests target: {@code -Dfaktory.version}, {@code FAKTORY_VERSION}, 1.9.4. */
  static String targetVersion() {
    return firstNonBlank(System.getProperty(VERSION_PROPERTY), System.getenv("FAKTORY_VERSION"), DEFAULT_VERSION);
  }

  /** Returns the first executable faktory among {@link #candidates()}. */
  static Optional<Path> find() {
    return candidates().stream().filter(Files::isExecutable).findFirst();
  }

  /** Returns the places {@link #find()} looks at, in order. */
  static List<Path> candidates() {
    List<Path> places = new ArrayList<>();
    String configured = System.getenv("FAKTORY_BIN");
    if (configured != null && !configured.isBlank()) {
      places.add(Path.of(configured));
    }
    places.add(cacheDirectory().resolve("faktory"));
    onPath("faktory").ifPresent(places::add);
    return places;
  }

  /** Returns the first executable Go load tool among {@link #loadToolCandidates()}. */
  static Optional<Path> findLoadTool() {
    return loadToolCandidates().stream().filter(Files::isExecutable).findFirst();
  }

  /** Returns where {@link #findLoadTool()} looks: next to {@code FAKTORY_BIN}, then in the cache folder. */
  static List<Path> loadToolCandidates() {
    List<Path> places = new ArrayList<>();
    String configured = System.getenv("FAKTORY_BIN");
    if (configured != null && !configured.isBlank() && Path.of(configured).getParent() != null) {
      places.add(Path.of(configured).getParent().resolve("load"));
    }
    places.add(cacheDirectory().resolve("load"));
    return places;
  }

  /** Returns the provisioning cache of the target version, as scripts/lib/common.sh computes it. */
  static Path cacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
    return cache.resolve("faktory-testkit").resolve("faktory-" + targetVersion());
  }

  /** Returns the first executable named {@code name} in the directories of {@code PATH}. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return List.of(path.split(java.io.File.pathSeparator)).stream()
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    throw new IllegalArgumentException("values: all blank (expected: a non-blank last value)");
  }
}
