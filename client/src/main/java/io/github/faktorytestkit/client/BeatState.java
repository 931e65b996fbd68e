package io.github.faktorytestkit.client;

import java.util.Locale;
import java.util.Optional;

/**
 * A worker's lifecycle state as BEAT reports it. The server moves a worker forward only: running, then quiet (stop
 * fetching, finish current jobs), then terminate (fail or finish in-flight jobs and exit within about 30 s).
 */
public enum BeatState {
  /** Working normally: the server answered {@code +OK}. */
  RUNNING,
  /** Fetch no new jobs. */
  QUIET,
  /** Shut down soon. */
  TERMINATE;

  /** Returns the state's name in Faktory's JSON ({@code running}, {@code quiet}, {@code terminate}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the state named {@code wireName} in Faktory's JSON, or empty for any other text. */
  public static Optional<BeatState> fromWireName(String wireName) {
    for (BeatState state : values()) {
      if (state.wireName().equals(wireName)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
