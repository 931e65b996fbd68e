package io.github.faktorytestkit.fake.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock of a fake under test: a {@link ManualClock} that ends idle waits by itself until the test takes charge
 * of it, so that an empty FETCH never stalls a test that does not move the clock.
 *
 * <p>While the test has not taken charge (since creation or the last {@link #restart}), a wait scheduled with
 * {@link #scheduleWait} that is still pending after the grace period of real time moves the clock to its end, as
 * a virtual-time scheduler does when nothing else runs: everything due on the way runs first, in time order. Once
 * the test takes charge ({@link #takeCharge()}, or any {@link #advance} or {@link #set}), nothing but the test moves
 * the clock again until the next restart, so a test that drives the clock sees the same run every time.
 *
 * <p>Thread-safe. The grace periods run on one shared daemon thread, started on first use.
 */
public final class IdleClock implements FaktoryClock {
  private static final long IN_CHARGE = -1;

  private final ManualClock clock;
  private final Duration grace;
  /** Held to decide and make an idle move, to take charge and to restart; always before the clock's own locks. */
  private final Object moving = new Object();
  /** The current test's number, or {@link #IN_CHARGE}; written under {@link #moving}. */
  private volatile long epoch;
  private long restarts;

  /**
   * Creates the clock.
   *
   * @param clock the clock tests move
   * @param grace how long of real time a wait stays pending before the clock moves to its end; not negative
   */
  public IdleClock(ManualClock clock, Duration grace) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace: " + grace + " (expected: >= 0)");
    }
    this.grace = grace;
  }

  /** Returns the clock tests move, inside this one. */
  public ManualClock manual() {
    return clock;
  }

  @Override
  public Instant now() {
    return clock.now();
  }

  @Override
  public Cancellable schedule(Instant when, Runnable task) {
    return clock.schedule(when, task);
  }

  @Override
  public Cancellable scheduleWait(Instant when, Runnable task) {
    IdleWait wait = new IdleWait(when, epoch);
    Cancellable onClock = clock.schedule(when, () -> {
      wait.end();
      task.run();
    });
    ScheduledFuture<?> grace = wait.epoch == IN_CHARGE ? null
        : GraceTimer.INSTANCE.schedule(() -> endIdle(wait), this.grace.toNanos(), TimeUnit.NANOSECONDS);
    return () -> {
      wait.end();
      onClock.cancel();
      if (grace != null) {
        grace.cancel(false);
      }
    };
  }

  /** Makes the test the only one to move the clock, until the next {@link #restart}. */
  public void takeCharge() {
    synchronized (moving) {
      epoch = IN_CHARGE;
    }
  }

  /** Takes charge and moves the clock forward, as {@link ManualClock#advance} does. */
  public void advance(Duration duration) {
    takeCharge();
    clock.advance(duration);
  }

  /** Takes charge and moves the clock to {@code target}, as {@link ManualClock#set} does. */
  public void set(Instant target) {
    takeCharge();
    clock.set(target);
  }

  /**
   * Puts the clock at {@code start} ({@link ManualClock#rebase}) and gives up charge, for a fresh test. Waits that
   * began before stay on the clock but no longer end by themselves.
   */
  public void restart(Instant start) {
    synchronized (moving) {
      clock.rebase(start);
      epoch = ++restarts;
    }
  }

  /** Moves the clock to the end of {@code wait} if it is still pending and nobody took charge or restarted since. */
  private void endIdle(IdleWait wait) {
    synchronized (moving) {
      if (wait.epoch == epoch && wait.pending()) {
        Instant now = clock.now();
        clock.set(wait.when.isAfter(now) ? wait.when : now);
      }
    }
  }

  @Override
  public String toString() {
    return "IdleClock[" + clock + (epoch == IN_CHARGE ? ", moved by the test" : ", idle waits end after " + grace)
        + "]";
  }

  /** A wait on the clock that may end by itself. */
  private static final class IdleWait {
    final Instant when;
    final long epoch;
    private volatile boolean ended;

    IdleWait(Instant when, long epoch) {
      this.when = when;
      this.epoch = epoch;
    }

    void end() {
      ended = true;
    }

    boolean pending() {
      return !ended;
    }
  }

  /** The one daemon thread all idle clocks time their grace periods on. */
  private static final class GraceTimer {
    static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "faktory-idle-clock");
      thread.setDaemon(true);
      return thread;
    });
  }
}
