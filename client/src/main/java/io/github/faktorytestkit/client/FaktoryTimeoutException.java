package io.github.faktorytestkit.client;

import java.time.Duration;

/**
 * Signals that connecting, or waiting for a reply, took longer than the configured timeout. The client is broken
 * afterwards: a late reply could otherwise be taken for the answer to the next command.
 */
public class FaktoryTimeoutException extends FaktoryConnectionException {
  private final Duration timeout;

  /** Creates the exception for the server at {@code host}:{@code port} after {@code timeout}. */
  public FaktoryTimeoutException(String host, int port, String problem, Duration timeout, Throwable cause) {
    this(host, port, problem, timeout, null, cause);
  }

  /**
   * Creates the exception for the server at {@code host}:{@code port} after {@code timeout}, with a {@code hint}
   * (null for none) on what the silence may mean.
   */
  public FaktoryTimeoutException(
      String host, int port, String problem, Duration timeout, String hint, Throwable cause) {
    super(host, port, problem + " within " + timeout.toMillis() + " ms" + (hint == null ? "" : "; " + hint), cause);
    this.timeout = timeout;
  }

  /** Returns the timeout that ran out. */
  public Duration timeout() {
    return timeout;
  }
}
