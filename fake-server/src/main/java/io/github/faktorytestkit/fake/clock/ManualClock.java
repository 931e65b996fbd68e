package io.github.faktorytestkit.fake.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A clock that moves only when told to: {@link #advance(Duration)} or {@link #set(Instant)}. Scheduled tasks run
 * inside those calls, on the calling thread, in time order (ties in scheduling order); while a task runs,
 * {@link #now()} reads the task's due time. Tasks scheduled while advancing run too if they fall within the window.
 * A task due at or before the current time runs on the next advance ({@code advance(Duration.ZERO)} runs it).
 *
 * <p>Starts at {@code Instant.now()} truncated to milliseconds unless given an instant, so timestamps look real to
 * clients that compare them with their own clock; {@link #rebase(Instant)} puts it elsewhere, pending tasks and all.
 * Thread-safe: concurrent advances are serialised.
 */
public final class ManualClock implements FaktoryClock {
  private final Object advancing = new Object();
  /** Pending tasks in time order; a sorted set (every task's order is unique) so a cancel costs log n, not n. */
  private final TreeSet<Task> tasks = new TreeSet<>();
  /** The time on the tasks' own scale; {@link #now()} adds {@link #offset}, which only a rebase changes. */
  private Instant now;
  private Duration offset = Duration.ZERO;
  private long sequence;

  /** Creates a clock at the current time, truncated to milliseconds. */
  public ManualClock() {
    this(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /** Creates a clock at {@code start}. */
  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public synchronized Instant now() {
    return now.plus(offset);
  }

  @Override
  public synchronized Cancellable schedule(Instant when, Runnable task) {
    Task scheduled = new Task(Objects.requireNonNull(when, "when").minus(offset), sequence++,
        Objects.requireNonNull(task, "task"));
    tasks.add(scheduled);
    return () -> cancel(scheduled);
  }

  /**
   * Moves the clock forward by {@code duration}, running every task that falls due on the way.
   *
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration: " + duration + " (expected: >= 0)");
    }
    synchronized (advancing) {
      moveTo(internalNow().plus(duration));
    }
  }

  /**
   * Moves the clock to {@code target}, running every task that falls due on the way.
   *
   * @throws IllegalArgumentException when {@code target} is before the current time
   */
  public void set(Instant target) {
    synchronized (advancing) {
      Instant current = now();
      if (target.isBefore(current)) {
        throw new IllegalArgumentException("target: " + target + " (expected: not before " + current + ")");
      }
      moveTo(internalTime(target));
    }
  }

  /**
   * Moves the clock to {@code start}, forward or back, without running anything: every pending task moves with it
   * and keeps its distance from now. For a server reset between tests.
   */
  public void rebase(Instant start) {
    Objects.requireNonNull(start, "start");
    synchronized (advancing) {
      synchronized (this) {
        offset = offset.plus(Duration.between(now(), start));
      }
    }
  }

  /**
   * Returns the time once a move in progress on another thread ({@link #advance}, {@link #set}) has finished: what
   * a test reads after a reply that a task on the way sent. Call it only from a thread that holds none of the locks
   * the clock's tasks take (the model's), e.g. the test's own.
   */
  public Instant settledNow() {
    synchronized (advancing) {
      return now();
    }
  }

  /** Returns how many scheduled tasks have not run and were not cancelled. */
  public synchronized int pendingTasks() {
    return tasks.size();
  }

  private synchronized Instant internalNow() {
    return now;
  }

  private synchronized Instant internalTime(Instant instant) {
    return instant.minus(offset);
  }

  private void moveTo(Instant target) {
    Task next;
    while ((next = takeDue(target)) != null) {
      next.task.run();
    }
    synchronized (this) {
      now = target;
    }
  }

  private synchronized Task takeDue(Instant target) {
    if (tasks.isEmpty() || tasks.first().when.isAfter(target)) {
      return null;
    }
    Task next = tasks.pollFirst();
    if (next.when.isAfter(now)) {
      now = next.when;
    }
    return next;
  }

  private synchronized void cancel(Task task) {
    tasks.remove(task);
  }

  @Override
  public synchronized String toString() {
    return "ManualClock[" + now() + ", " + tasks.size() + " tasks]";
  }

  private record Task(Instant when, long order, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byTime = when.compareTo(other.when);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
