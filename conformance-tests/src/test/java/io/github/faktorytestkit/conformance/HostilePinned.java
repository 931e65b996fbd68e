package io.github.faktorytestkit.conformance;

import java.util.List;

/**
 * The differences {@link HostileInputIT} tolerates, each one listed in fake-server's KNOWN-DIFFERENCES.md (empty
 * entries are kept out: a difference found and not listed there is a failure, not an entry here).
 */
final class HostilePinned {
  private HostilePinned() {}

  /** Returns whether the first reply that differs is one of the listed differences. */
  static boolean explains(List<String> fake, List<String> real) {
    return false;
  }
}
