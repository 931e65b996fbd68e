package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Escaping;
import io.github.faktorytestkit.protocol.Reply;
import java.util.Objects;

/**
 * What came back from a server after one line: a reply frame with its exact bytes, or an event instead of one (the
 * connection closed, nothing arrived in time, the bytes were not a valid frame). Immutable.
 */
public final class WireAnswer {
  /** The connection was closed by the server (or was already closed). */
  public static final WireAnswer CLOSED = new WireAnswer(null, null, "<closed>");

  private final Reply reply;
  private final byte[] wire;
  private final String event;

  private WireAnswer(Reply reply, byte[] wire, String event) {
    this.reply = reply;
    this.wire = wire;
    this.event = event;
  }

  /** Returns a frame that was received: the decoded {@code reply} and the {@code wire} bytes it was read from. */
  public static WireAnswer frame(Reply reply, byte[] wire) {
    return new WireAnswer(Objects.requireNonNull(reply, "reply"), wire.clone(), null);
  }

  /** Returns an event, written in angle brackets, e.g. {@code <no reply within 5 s>}. */
  public static WireAnswer event(String description) {
    return new WireAnswer(null, null, "<" + description + ">");
  }

  /** Returns the frame, or null for an event. */
  public Reply reply() {
    return reply;
  }

  /** Returns a copy of the frame's bytes on the wire, CRLF included, or null for an event. */
  public byte[] wire() {
    return wire == null ? null : wire.clone();
  }

  /** Returns the event in angle brackets, or null for a frame. */
  public String event() {
    return event;
  }

  @Override
  public String toString() {
    return reply != null ? Escaping.escape(wire) : event;
  }
}
