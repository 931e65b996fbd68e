package io.github.faktorytestkit.fake.session;

/**
 * The model's handle on one client connection, implemented by the transport. The model uses it only for what
 * the server does on its own initiative: closing a connection whose handshake deadline passed or whose worker
 * stopped beating.
 */
public interface ClientConnection {

  /** Returns the connection's index within its server, counted from 0 in accept order. */
  int index();

  /** Closes the connection without sending anything. Idempotent; callable from any thread. */
  void close();
}
