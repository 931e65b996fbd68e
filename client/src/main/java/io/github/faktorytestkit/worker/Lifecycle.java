package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.protocol.WorkerState;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker's state, which only moves forward (running, quiet, stopping, stopped), and the moments its threads wait
 * for: when to stop fetching, when to give up on the server (closing), when everything is done.
 */
final class Lifecycle {
  private final AtomicReference<FaktoryWorker.State> state = new AtomicReference<>(FaktoryWorker.State.RUNNING);
  private final CompletableFuture<Void> stopFetching = new CompletableFuture<>();
  private final CompletableFuture<Void> closing = new CompletableFuture<>();
  private final Map<FaktoryWorker.State, CompletableFuture<Void>> reached = new EnumMap<>(FaktoryWorker.State.class);

  Lifecycle() {
    for (FaktoryWorker.State each : FaktoryWorker.State.values()) {
      reached.put(each, new CompletableFuture<>());
    }
    reached.get(FaktoryWorker.State.RUNNING).complete(null);
  }

  FaktoryWorker.State state() {
    return state.get();
  }

  /** Returns the state to report in BEAT. */
  WorkerState beatState() {
    return switch (state.get()) {
      case RUNNING -> WorkerState.RUNNING;
      case QUIET -> WorkerState.QUIET;
      case STOPPING, STOPPED -> WorkerState.TERMINATE;
    };
  }

  boolean fetching() {
    return !stopFetching.isDone();
  }

  /** Moves from running to quiet; returns false in any other state. */
  boolean quiet() {
    boolean moved = state.compareAndSet(FaktoryWorker.State.RUNNING, FaktoryWorker.State.QUIET);
    stopFetching.complete(null);
    markReached();
    return moved;
  }

  /** Moves from running or quiet to stopping; returns false when already stopping or stopped. */
  boolean stop() {
    FaktoryWorker.State before = state.getAndUpdate(current ->
        current == FaktoryWorker.State.RUNNING || current == FaktoryWorker.State.QUIET
            ? FaktoryWorker.State.STOPPING : current);
    stopFetching.complete(null);
    markReached();
    return before == FaktoryWorker.State.RUNNING || before == FaktoryWorker.State.QUIET;
  }

  /** Marks the end of the grace period: commands still retrying give up. */
  void close() {
    closing.complete(null);
  }

  /** Marks the worker stopped: every connection is closed. */
  void finish() {
    state.set(FaktoryWorker.State.STOPPED);
    closing.complete(null);
    markReached();
  }

  /** Returns the future that completes once the state is {@code target} or later. */
  CompletableFuture<Void> reached(FaktoryWorker.State target) {
    return reached.get(target);
  }

  CompletableFuture<Void> stopFetching() {
    return stopFetching;
  }

  CompletableFuture<Void> closing() {
    return closing;
  }

  private void markReached() {
    FaktoryWorker.State now = state.get();
    for (FaktoryWorker.State each : FaktoryWorker.State.values()) {
      if (each.compareTo(now) <= 0) {
        reached.get(each).complete(null);
      }
    }
  }
}
