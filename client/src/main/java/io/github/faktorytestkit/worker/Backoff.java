package io.github.faktorytestkit.worker;

import java.time.Duration;

/**
 * How long a worker waits before reconnecting after its {@code failures}-th failure in a row: the first retry goes at
 * once, then 1 s, 2 s, 4 s and so on, never more than {@link #MAX}.
 */
final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(30);

  private Backoff() {}

  /** Returns the wait after {@code failures} failures in a row (1 or more). */
  static Duration after(int failures) {
    if (failures <= 1) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - 2, 5);
    Duration delay = FIRST.multipliedBy(1L << doublings);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
