package io.github.faktorytestkit.fake.session;


/** Opens the server side of each accepted connection; the transport calls it on a network thread. */
@FunctionalInterface
public interface SessionFactory {

  /**
   * Returns the session answering {@code connection}. Called once per accepted connection, before anything is
   * sent; must not block.
   */
  ServerSession open(ClientConnection connection);
}
