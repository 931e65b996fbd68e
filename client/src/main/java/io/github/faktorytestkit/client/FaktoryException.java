package io.github.faktorytestkit.client;

/**
 * The root of every error the Faktory client reports. Unchecked.
 *
 * <p>The subtypes say what went wrong: {@link FaktoryConnectionException} (the socket; {@link FaktoryTimeoutException}
 * for time-outs), {@link FaktoryHandshakeException} ({@link FaktoryAuthenticationException} for passwords),
 * {@link FaktoryCommandException} (the server refused a command) and {@link FaktoryProtocolException} (the server
 * sent bytes the client cannot accept). After a connection, time-out or protocol error the client is broken and
 * every later call fails with a {@link FaktoryConnectionException} naming the first error; after a command error
 * the client stays usable.
 */
public class FaktoryException extends RuntimeException {

  /** Creates the exception with {@code message}. */
  public FaktoryException(String message) {
    super(message);
  }

  /** Creates the exception with {@code message} and the underlying {@code cause}. */
  public FaktoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
