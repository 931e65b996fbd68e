package io.github.faktorytestkit.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a fake server received and answered, in order. Network threads add to it; test threads read and wait on
 * it. Thread-safe: one lock guards everything.
 */
final class Journal {
  private static final int DIAGNOSTIC_TAIL = 10;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<RecordedCommand> recorded = new ArrayList<>();
  private final List<ReceivedCommand> notAwaited = new ArrayList<>();
  private final Map<String, ReceivedCommand> inFlight = new LinkedHashMap<>();
  private final BitSet taken = new BitSet();

  /** Notes that {@code command} arrived; its answer follows through {@link #record}. */
  void receive(ReceivedCommand command) {
    change(() -> {
      notAwaited.add(command);
      inFlight.put(key(command), command);
    });
  }

  /** Notes how {@code command.received()} was answered. */
  void record(RecordedCommand command) {
    change(() -> {
      inFlight.remove(key(command.received()));
      recorded.add(command);
    });
  }

  /** Blocks up to {@code timeout} for the oldest answered command not yet taken, and takes it. */
  RecordedCommand take(Duration timeout) {
    return take(command -> true, "command", timeout);
  }

  /**
   * Blocks up to {@code timeout} for the oldest answered command not yet taken that {@code wanted} accepts, and
   * takes it; {@code what} names the wanted command in the failure message.
   */
  RecordedCommand take(Predicate<RecordedCommand> wanted, String what, Duration timeout) {
    return withLock(() -> {
      awaitUntil(() -> firstUntaken(wanted) >= 0, timeout, () -> "takeCommand: no " + what + " answered within "
          + timeout + " (" + taken.cardinality() + " answered commands already taken)");
      int index = firstUntaken(wanted);
      taken.set(index);
      return recorded.get(index);
    });
  }

  private int firstUntaken(Predicate<RecordedCommand> wanted) {
    for (int i = taken.nextClearBit(0); i < recorded.size(); i = taken.nextClearBit(i + 1)) {
      if (wanted.test(recorded.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Blocks up to {@code timeout} until a command with {@code verb} arrived that no earlier call returned, and
   * returns the first such one.
   */
  ReceivedCommand awaitReceived(String verb, Duration timeout) {
    return withLock(() -> {
      awaitUntil(() -> firstReceived(verb, false) != null, timeout,
          () -> "awaitReceived: no " + verb + " command received within " + timeout);
      return firstReceived(verb, true);
    });
  }

  /** Returns every answered command so far, taken or not, in the order of their answers. */
  List<RecordedCommand> snapshot() {
    return withLock(() -> List.copyOf(recorded));
  }

  /** Returns how many commands were answered so far. */
  int count() {
    return withLock(recorded::size);
  }

  /** Forgets everything; commands still in flight are recorded when answered. */
  void clear() {
    change(() -> {
      recorded.clear();
      notAwaited.clear();
      inFlight.clear();
      taken.clear();
    });
  }

  private ReceivedCommand firstReceived(String verb, boolean remove) {
    for (Iterator<ReceivedCommand> it = notAwaited.iterator(); it.hasNext(); ) {
      ReceivedCommand command = it.next();
      if (command.verb().equals(verb)) {
        if (remove) {
          it.remove();
        }
        return command;
      }
    }
    return null;
  }

  private void awaitUntil(Supplier<Boolean> condition, Duration timeout, Supplier<String> failure) {
    long remaining = timeout.toNanos();
    try {
      while (!condition.get()) {
        if (remaining <= 0) {
          throw new AssertionError(failure.get() + diagnostics());
        }
        remaining = changed.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the fake server's journal", e);
    }
  }

  private String diagnostics() {
    List<RecordedCommand> tail = recorded.subList(Math.max(0, recorded.size() - DIAGNOSTIC_TAIL), recorded.size());
    return "; last answered: " + tail + "; awaiting an answer: " + inFlight.values();
  }

  private void change(Runnable action) {
    withLock(() -> {
      action.run();
      changed.signalAll();
      return null;
    });
  }

  private <T> T withLock(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private static String key(ReceivedCommand command) {
    return command.connectionIndex() + "." + command.exchangeIndex();
  }

}
