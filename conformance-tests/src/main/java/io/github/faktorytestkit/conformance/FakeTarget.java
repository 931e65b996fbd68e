package io.github.faktorytestkit.conformance;

import org.junit.jupiter.api.Assumptions;

/** The in-process fake: available once the fake server's public API has landed on this branch. */
final class FakeTarget {
  private FakeTarget() {}

  static Target start(String password) {
    Assumptions.abort("fake target: FakeFaktory is not on this branch yet");
    throw new AssertionError("unreachable");
  }
}
