package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.FaktoryClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only on {@link #advance}, running the tasks that fell due. */
final class TestClock implements FaktoryClock {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Task> tasks = new ArrayList<>();

  private record Task(Instant when, Runnable action) {}

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Instant when, Runnable task) {
    Task scheduled = new Task(when, task);
    tasks.add(scheduled);
    return () -> remove(scheduled);
  }

  /** Moves the clock forward by {@code duration} and runs the tasks due by then. */
  void advance(Duration duration) {
    List<Task> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(duration);
      tasks.removeIf(task -> !task.when().isAfter(now) && due.add(task));
    }
    due.forEach(task -> task.action().run());
  }

  private synchronized void remove(Task task) {
    tasks.remove(task);
  }
}
