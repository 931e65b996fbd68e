package io.github.faktorytestkit.conformance;

import java.time.Duration;
import java.time.Instant;

/**
 * Steps of one scenario measured from a single start on the target's clock: {@code advanceTo(9 s)} lets time pass
 * until 9 s after the start. On a real server the time the scenario spent talking is subtracted from the sleep, so
 * steps do not drift; on the fake the clock moves by exactly the difference. Not thread-safe.
 */
final class Timeline {
  private final Target target;
  private final Instant start;

  private Timeline(Target target, Instant start) {
    this.target = target;
    this.start = start;
  }

  /** Returns a timeline starting at the target's current time. */
  static Timeline startingNow(Target target) {
    return new Timeline(target, target.now());
  }

  /** Returns how long after the start it is now on the target's clock. */
  Duration elapsed() {
    return Duration.between(start, target.now());
  }

  /** Lets time pass on the target until {@code offset} after the start; returns at once when that has passed. */
  void advanceTo(Duration offset) {
    Duration left = offset.minus(elapsed());
    if (!left.isNegative() && !left.isZero()) {
      target.elapse(left);
    }
  }
}
