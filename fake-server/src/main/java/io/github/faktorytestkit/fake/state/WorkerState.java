package io.github.faktorytestkit.fake.state;

import java.util.Locale;

/** A worker process's lifecycle state; it only moves forward: running, then quiet, then terminate. */
public enum WorkerState {
  /** Processing jobs. */
  RUNNING,
  /** Told to stop fetching; FETCH on its connection returns nothing. */
  QUIET,
  /** Told to exit. */
  TERMINATE;

  /** Returns the state as BEAT's {@code current_state} names it, or "" for running. */
  public String wireName() {
    return this == RUNNING ? "" : name().toLowerCase(Locale.ROOT);
  }

  static WorkerState fromWire(String name) {
    switch (name) {
      case "quiet":
        return QUIET;
      case "terminate":
        return TERMINATE;
      default:
        return RUNNING;
    }
  }

  /** Returns the state after a signal to {@code requested}: forward moves only, as the real server allows. */
  WorkerState signal(WorkerState requested) {
    return requested.ordinal() > ordinal() ? requested : this;
  }
}
