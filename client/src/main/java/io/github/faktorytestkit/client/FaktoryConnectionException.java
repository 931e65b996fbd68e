package io.github.faktorytestkit.client;

/**
 * Signals that the connection to the server could not be made or failed: refused, unreachable, reset, closed by
 * the server, a TLS failure, or use of a client that is closed or broken by an earlier error. Names the server's
 * host and port and keeps the underlying cause.
 */
public class FaktoryConnectionException extends FaktoryException {
  private final String host;
  private final int port;

  /** Creates the exception for the server at {@code host}:{@code port}; {@code cause} may be null. */
  public FaktoryConnectionException(String host, int port, String problem, Throwable cause) {
    super(problem + " (server: " + host + ":" + port + ")", cause);
    this.host = host;
    this.port = port;
  }

  /** Returns the server's host name or address, as configured. */
  public String host() {
    return host;
  }

  /** Returns the server's port. */
  public int port() {
    return port;
  }
}
