package io.github.faktorytestkit.fake.clock;

import java.time.Instant;

/**
 * The single source of time of a fake server: every deadline (scheduled jobs, retries, reservation expiry,
 * heartbeat expiry, the FETCH wait, the handshake deadline) is read from and scheduled on it.
 *
 * <p>Implementations are thread-safe. Tasks run outside any caller's lock; a task takes the locks it needs.
 */
public interface FaktoryClock {

  /** Returns the current instant of this clock. */
  Instant now();

  /**
   * Runs {@code task} once this clock reaches {@code when} (at once, on a later advance or on a timer thread,
   * depending on the implementation); a time in the past runs as soon as possible.
   *
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(Instant when, Runnable task);

  /**
   * Schedules the end of a wait a client is blocked on (an empty FETCH) as {@link #schedule} does. A clock the test
   * moves may reach {@code when} by itself while the test leaves it alone ({@link IdleClock}); the others do not.
   */
  default Cancellable scheduleWait(Instant when, Runnable task) {
    return schedule(when, task);
  }

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task; does nothing when it already ran or was cancelled. */
    void cancel();
  }
}
