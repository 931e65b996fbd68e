package io.github.faktorytestkit.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A clock for unit tests: its tasks wait in a queue until the test takes one and runs it. */
final class TestClock implements WorkerClock {
  private final BlockingQueue<Scheduled> scheduled = new LinkedBlockingQueue<>();
  private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

  record Scheduled(Instant when, Runnable task) {}

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public Cancellable schedule(Instant when, Runnable task) {
    Scheduled entry = new Scheduled(when, task);
    scheduled.add(entry);
    return () -> scheduled.remove(entry);
  }

  /** Waits (real time, up to 10 s) for the next scheduled task. */
  Scheduled next() throws InterruptedException {
    Scheduled entry = scheduled.poll(10, TimeUnit.SECONDS);
    if (entry == null) {
      throw new AssertionError("nothing scheduled within 10 s");
    }
    return entry;
  }

  /** Moves the clock to {@code entry}'s time and runs it. */
  void run(Scheduled entry) {
    now = entry.when();
    entry.task().run();
  }

  Duration untilOf(Scheduled entry) {
    return Duration.between(now, entry.when());
  }
}
