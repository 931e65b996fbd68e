package io.github.faktorytestkit.client;

/**
 * Signals that the server demands a password the client does not have, or rejected the one it sent
 * ({@code -ERR Invalid password}).
 */
public class FaktoryAuthenticationException extends FaktoryHandshakeException {

  /** Creates the exception; {@code cause} may be null. */
  public FaktoryAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
