package io.github.faktorytestkit.conformance;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of server a conformance scenario runs against; each name is the display name of its runs. */
public enum TargetKind {
  /** The in-process fake on a manual clock: always available. */
  FAKE,
  /** A real faktory process started by {@link io.github.faktorytestkit.real.LocalFaktory}. */
  LOCAL,
  /** A real Faktory in a Testcontainers container ({@link io.github.faktorytestkit.real.FaktoryContainer}). */
  CONTAINER,
  /** A real Faktory the run was pointed at with {@code -Dfaktory.testkit.url} or {@code FAKTORY_TESTKIT_URL}. */
  URL;

  /** The system property that limits the kinds run: a comma-separated list of names, e.g. {@code fake,local}. */
  public static final String ONLY_PROPERTY = "faktory.targets";

  /** Returns the lower-case name runs are displayed with: {@code fake}, {@code local}, {@code container}, {@code url}. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the kinds {@code -D}{@value #ONLY_PROPERTY} allows; every kind when the property is unset or blank.
   *
   * @throws IllegalArgumentException when the property names an unknown kind
   */
  public static Set<TargetKind> allowed() {
    return parse(System.getProperty(ONLY_PROPERTY));
  }

  /** Parses a comma-separated list of display names; null or blank means every kind. */
  static Set<TargetKind> parse(String list) {
    if (list == null || list.isBlank()) {
      return EnumSet.allOf(TargetKind.class);
    }
    Set<TargetKind> kinds = EnumSet.noneOf(TargetKind.class);
    for (String name : list.split(",")) {
      kinds.add(byName(name.strip()));
    }
    return kinds;
  }

  /**
   * Returns the kind whose display name is {@code name}.
   *
   * @throws IllegalArgumentException when no kind has that name
   */
  static TargetKind byName(String name) {
    for (TargetKind kind : values()) {
      if (kind.displayName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(ONLY_PROPERTY + ": " + name + " (expected: fake, local, container or url)");
  }
}
