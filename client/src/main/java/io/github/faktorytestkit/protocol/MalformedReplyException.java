package io.github.faktorytestkit.protocol;

import java.io.IOException;

/**
 * Signals bytes that are not a valid Faktory reply frame: a wrong type prefix, a bad or lying length, a missing
 * CRLF, a frame over the reader's limits, or a stream that ends inside a frame.
 *
 * <p>The message names the problem and shows the frame's bytes read so far, escaped.
 */
public final class MalformedReplyException extends IOException {
  private final String problem;
  private final String escapedFrame;

  /** Creates the exception for {@code problem}, seen in the frame whose bytes so far are {@code escapedFrame}. */
  public MalformedReplyException(String problem, String escapedFrame) {
    super("malformed reply: " + problem + " (frame so far: \"" + escapedFrame + "\")");
    this.problem = problem;
    this.escapedFrame = escapedFrame;
  }

  /** Returns what is wrong, e.g. {@code CR not followed by LF}, without the frame. */
  public String problem() {
    return problem;
  }

  /** Returns the offending frame's bytes read so far, escaped with {@link Escaping}. */
  public String escapedFrame() {
    return escapedFrame;
  }
}
