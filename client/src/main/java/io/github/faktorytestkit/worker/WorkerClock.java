package io.github.faktorytestkit.worker;

import java.time.Instant;

/**
 * The one source of time of a {@link FaktoryWorker}: its heartbeat, its reconnect backoff and its shutdown timeout
 * all read and wait on it. The default is {@link #system()}; a test passes a clock it moves, such as the fake
 * server's ({@code FakeFaktory.workerClock()}), so that the whole lifecycle runs without real waiting.
 *
 * <p>Implementations are thread-safe. Tasks must be short and must not block: the worker's only use them to wake
 * one of its own threads.
 */
public interface WorkerClock {

  /** Returns the current instant of this clock. */
  Instant now();

  /**
   * Runs {@code task} once this clock reaches {@code when}, on a thread of the clock's choosing. A time that is not
   * after {@link #now()} runs as soon as the clock next gets the chance.
   *
   * @return a handle that calls the task off if it has not run yet
   */
  Cancellable schedule(Instant when, Runnable task);

  /** Returns the wall clock, with tasks run on one shared daemon timer thread. */
  static WorkerClock system() {
    return SystemWorkerClock.INSTANCE;
  }

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task; does nothing when it already ran or was cancelled. */
    void cancel();
  }
}
