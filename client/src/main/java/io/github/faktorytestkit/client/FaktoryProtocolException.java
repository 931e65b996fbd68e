package io.github.faktorytestkit.client;

/**
 * Signals that the server sent something the client cannot accept: a malformed frame, or a well-formed frame of
 * the wrong kind or content for the command (e.g. a bulk string where {@code +OK} belongs, or JSON that does not
 * parse). The message shows the offending bytes escaped; the client is broken afterwards.
 */
public class FaktoryProtocolException extends FaktoryException {
  private final String escapedFrame;

  /** Creates the exception; {@code escapedFrame} is the offending frame, escaped; {@code cause} may be null. */
  public FaktoryProtocolException(String problem, String escapedFrame, Throwable cause) {
    super(problem + " (frame: \"" + escapedFrame + "\")", cause);
    this.escapedFrame = escapedFrame;
  }

  /** Returns the offending frame's bytes (those read so far, for a malformed frame), escaped. */
  public String escapedFrame() {
    return escapedFrame;
  }
}
