package io.github.faktorytestkit.worker;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Waiting on a {@link WorkerClock}: until an instant, or until something else happens first. */
final class Waits {
  private Waits() {}

  /**
   * Blocks until {@code clock} reaches {@code until} or {@code wake} completes, whichever comes first.
   *
   * @return true when the time came, false when {@code wake} completed first (or had already)
   */
  static boolean until(WorkerClock clock, Instant until, CompletableFuture<?> wake) {
    if (wake.isDone()) {
      return false;
    }
    if (!until.isAfter(clock.now())) {
      return true;
    }
    CompletableFuture<Void> due = new CompletableFuture<>();
    WorkerClock.Cancellable timer = clock.schedule(until, () -> due.complete(null));
    try {
      CompletableFuture.anyOf(due, wake).join();
    } finally {
      timer.cancel();
    }
    return due.isDone() && !wake.isDone();
  }
}
