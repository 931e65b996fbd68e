package io.github.faktorytestkit.fake.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time: {@link #now()} reads the system clock and tasks run on one daemon timer thread when they fall due.
 * Thread-safe. {@link #close()} stops the timer thread; tasks not yet run are dropped.
 */
public final class SystemClock implements FaktoryClock, AutoCloseable {
  private static final long MAX_DELAY_SECONDS = 100L * 365 * 24 * 3600;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor timer = timer();

  /** Creates a clock reading the system UTC clock. */
  public SystemClock() {
    this(Clock.systemUTC());
  }

  /** Creates a clock reading {@code clock}; tasks still run in real time. */
  public SystemClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Cancellable schedule(Instant when, Runnable task) {
    Duration delay = Duration.between(now(), when);
    long delayNanos = delay.isNegative() ? 0 : delay.getSeconds() > MAX_DELAY_SECONDS ? Long.MAX_VALUE : delay.toNanos();
    ScheduledFuture<?> future = timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /** One daemon thread; a cancelled task (the expiry of an ACKed job) leaves the queue at once. */
  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "faktory-fake-clock");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Stops the timer thread. Idempotent. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
