package io.github.faktorytestkit.client;

/**
 * Signals that the HI / HELLO / OK handshake did not complete: no or malformed {@code HI}, the connection closed
 * during the handshake (the server closes silently on a HELLO it cannot accept, and a TLS server closes a
 * plain-text client), or an error reply to HELLO.
 */
public class FaktoryHandshakeException extends FaktoryException {

  /** Creates the exception; {@code cause} may be null. */
  public FaktoryHandshakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
