package io.github.faktorytestkit.fake.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The model's one lock. Work that must not run under it (completing a waiting FETCH, closing a connection, handling
 * a timed event that was already due) is queued with {@link #afterUnlock} and runs once the outermost holder leaves.
 */
public final class ModelLock {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Runnable> afterUnlock = new ArrayList<>();

  /** Runs {@code body} under the lock, then the work it queued. */
  public <T> T call(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      List<Runnable> pending = drainIfOutermost();
      lock.unlock();
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
    if (lock.getHoldCount() > 1 || afterUnlock.isEmpty()) {
      return List.of();
    }
    List<Runnable> pending = new ArrayList<>(afterUnlock);
    afterUnlock.clear();
    return pending;
  }
}
