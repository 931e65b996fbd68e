package io.github.faktorytestkit.fake.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The model's one lock. Work that must not run under it (completing a waiting FETCH, closing a connection, handling
 * a timed event that was already due) is queued with {@link #afterUnlock} and runs once the outermost holder leaves.
 *
 * <p>A JVM monitor, not a {@code ReentrantLock}: the lock is held for one command at a time, and when the standalone
 * jar's serving loops meet at it the monitor spins a moment before it parks a thread, where the queued lock parks
 * at once (a futex call and a wake-up per meeting).
 */
public final class ModelLock {
  private final Object monitor = new Object();
  private final List<Runnable> afterUnlock = new ArrayList<>();
  /** How many calls of the holding thread are inside; guarded by {@link #monitor}. */
  private int depth;

  /** Runs {@code body} under the lock, then the work it queued. */
  public <T> T call(Supplier<T> body) {
    List<Runnable> pending = List.of();
    try {
      synchronized (monitor) {
        depth++;
        try {
          return body.get();
        } finally {
          depth--;
          pending = drainIfOutermost();
        }
      }
    } finally {
      pending.forEach(Runnable::run);
    }
  }

  /** Runs {@code body} under the lock, then the work it queued. */
  public void run(Runnable body) {
    call(() -> {
      body.run();
      return null;
    });
  }

  /** Queues {@code action} to run after the lock is released; the caller holds the lock. */
  public void afterUnlock(Runnable action) {
    afterUnlock.add(action);
  }

  private List<Runnable> drainIfOutermost() {
    if (depth > 0 || afterUnlock.isEmpty()) {
      return List.of();
    }
    List<Runnable> pending = new ArrayList<>(afterUnlock);
    afterUnlock.clear();
    return pending;
  }
}
