package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.state.Connection;
import io.github.faktorytestkit.fake.state.ServerSession;

/** Opens the server side of each accepted connection; the transport calls it on a network thread. */
@FunctionalInterface
public interface SessionFactory {

  /**
   * Returns the session answering {@code connection}. Called once per accepted connection, before anything is
   * sent; must not block.
   */
  ServerSession open(Connection connection);
}
