package io.github.faktorytestkit.replay;

import java.util.Objects;
import java.util.Optional;

/**
 * A client frame a replay could not match: where it happened, what the recording expected there, what the client
 * sent instead, the first difference, and the closest other recorded frame the client might have meant (a later
 * frame of the same connection, or another connection's). {@link #toString()} is the near-miss diff.
 *
 * @param connection the recorded connection it was compared with ({@code c1}, ...), or empty when none was left
 * @param clientConnection the client's connection, numbered from 0 in accept order
 * @param position the number of the expected frame within its recorded connection, from 1
 * @param expected the expected event as the transcript writes it, e.g. {@code > ACK {"jid":"{{jid:1}}"}\r\n}
 * @param actual the client's line, escaped as a transcript writes it, e.g. {@code > ACK {"jid":"x"}}
 * @param difference what differs first, e.g. {@code $.jid: expected "{{jid:1=b0c3}}", got "x"}
 * @param closest the closest other recorded client frame, e.g. {@code c1 frame 5: > ACK {"jid":"{{jid:1}}"}\r\n}
 */
public record Mismatch(String connection, int clientConnection, int position, String expected, String actual,
    String difference, Optional<String> closest) {

  /** Creates the value. */
  public Mismatch {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(closest, "closest");
  }

  /** Returns the one-line text the client gets as {@code -ERR replay mismatch: ...}. */
  public String summary() {
    return "replay mismatch at " + where() + ": " + difference;
  }

  private String where() {
    return (connection.isEmpty() ? "no recorded connection" : connection + " frame " + position)
        + " (client connection " + clientConnection + ")";
  }

  /** Returns the near-miss diff: where, expected, actual, the difference and the closest other candidate. */
  @Override
  public String toString() {
    return "replay mismatch at " + where() + "\n"
        + "  expected: " + expected + "\n"
        + "  actual:   " + actual + "\n"
        + "  differs:  " + difference + "\n"
        + "  closest other candidate: " + closest.orElse("none");
  }
}
