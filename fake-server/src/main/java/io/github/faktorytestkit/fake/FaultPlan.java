package io.github.faktorytestkit.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faults still to happen, in injection order, each with the number of commands it has yet to hit.
 * Thread-safe: every method is synchronized, so two connections never use up the same one-shot fault.
 */
final class FaultPlan {
  private final List<Fault> remaining = new ArrayList<>();

  /** Adds {@code fault} after the faults already planned. */
  synchronized void add(Fault fault) {
    remaining.add(fault);
  }

  /**
   * Returns the effect of the first planned fault for the verb of {@code command} and uses it up once, or empty if
   * none (the verb is only read when some fault is planned: most servers never plan one).
   */
  synchronized Optional<Fault.Effect> take(ReceivedCommand command) {
    if (remaining.isEmpty()) {
      return Optional.empty();
    }
    String verb = command.verb();
    for (int i = 0; i < remaining.size(); i++) {
      Fault fault = remaining.get(i);
      if (fault.verb().equals(verb)) {
        consume(i, fault);
        return Optional.of(fault.effect());
      }
    }
    return Optional.empty();
  }

  /** Returns whether no fault is planned. */
  synchronized boolean isEmpty() {
    return remaining.isEmpty();
  }

  /** Returns the faults still planned, each with the number of commands it has yet to hit. */
  synchronized List<Fault> snapshot() {
    return List.copyOf(remaining);
  }

  /** Drops every planned fault. */
  synchronized void clear() {
    remaining.clear();
  }

  private void consume(int index, Fault fault) {
    if (fault.times() == Fault.ALWAYS) {
      return;
    }
    if (fault.times() == 1) {
      remaining.remove(index);
    } else {
      remaining.set(index, fault.repeated(fault.times() - 1));
    }
  }
}
