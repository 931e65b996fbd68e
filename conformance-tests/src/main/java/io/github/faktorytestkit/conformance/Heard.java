package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Reply;
import java.util.Objects;

/**
 * What came back from a server after one line: a reply frame, or an event instead of one (the connection closed,
 * nothing arrived in time, the bytes were not a valid frame).
 *
 * @param reply the frame, or null for an event
 * @param event what happened instead of a frame, or null for a frame
 */
public record Heard(Reply reply, String event) {
  /** The connection was closed by the server (or was already closed). */
  public static final Heard CLOSED = new Heard(null, "<closed>");

  /** Creates the value; exactly one of {@code reply} and {@code event} is set. */
  public Heard {
    if ((reply == null) == (event == null)) {
      throw new IllegalArgumentException("reply, event: " + reply + ", " + event + " (expected: exactly one set)");
    }
  }

  /** Returns a frame that was heard. */
  public static Heard frame(Reply reply) {
    return new Heard(Objects.requireNonNull(reply, "reply"), null);
  }

  /** Returns an event, written in angle brackets, e.g. {@code <no reply within PT5S>}. */
  public static Heard event(String description) {
    return new Heard(null, "<" + description + ">");
  }

  /** Returns whether the connection is unusable after this: closed, silent or out of sync. */
  public boolean endsSession() {
    return event != null;
  }

  @Override
  public String toString() {
    return reply != null ? reply.escaped() : event;
  }
}
