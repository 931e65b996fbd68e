package io.github.faktorytestkit.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The wall clock; tasks run on one daemon timer thread shared by every worker of the JVM. */
final class SystemWorkerClock implements WorkerClock {
  static final SystemWorkerClock INSTANCE = new SystemWorkerClock();

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
    Thread thread = new Thread(task, "faktory-worker-clock");
    thread.setDaemon(true);
    return thread;
  });

  private SystemWorkerClock() {
    timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Cancellable schedule(Instant when, Runnable task) {
    long delay = Math.max(0, Duration.between(Instant.now(), when).toNanos());
    ScheduledFuture<?> scheduled = timer.schedule(task, delay, TimeUnit.NANOSECONDS);
    return () -> scheduled.cancel(false);
  }

  @Override
  public String toString() {
    return "WorkerClock.system()";
  }
}
