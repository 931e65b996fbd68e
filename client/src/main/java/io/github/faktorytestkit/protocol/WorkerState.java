package io.github.faktorytestkit.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * A worker process's lifecycle state, shared by the client and the fake server. It only moves forward: running,
 * then quiet (stop fetching, finish current jobs), then terminate (fail or finish in-flight jobs and exit within
 * about 30 s). Two wire forms: the JSON name ({@link #wireName()}, what a BEAT reply's {@code state} holds) and
 * BEAT's {@code current_state} ({@link #currentState()}, empty while running).
 */
public enum WorkerState {
  /** Working normally: the server answered {@code +OK}. */
  RUNNING,
  /** Fetch no new jobs; FETCH on the worker's connection returns nothing. */
  QUIET,
  /** Shut down soon. */
  TERMINATE;

  /** Returns the state's name in Faktory's JSON ({@code running}, {@code quiet}, {@code terminate}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the state named {@code wireName} in Faktory's JSON, or empty for any other text. */
  public static Optional<WorkerState> fromWireName(String wireName) {
    for (WorkerState state : values()) {
      if (state.wireName().equals(wireName)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  /** Returns the state as BEAT's {@code current_state} carries it: "" for running, else the JSON name. */
  public String currentState() {
    return this == RUNNING ? "" : wireName();
  }

  /** Returns the state BEAT's {@code current_state} names, as the server reads it: anything unknown is running. */
  public static WorkerState fromCurrentState(String currentState) {
    return currentState.equals("quiet") ? QUIET : currentState.equals("terminate") ? TERMINATE : RUNNING;
  }

  /** Returns the state after a signal to {@code requested}: forward moves only, as the real server allows. */
  public WorkerState signal(WorkerState requested) {
    return requested.ordinal() > ordinal() ? requested : this;
  }
}
