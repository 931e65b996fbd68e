package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/** Binds listening sockets with the JDK, for Netty or the early acceptor to serve; the one place they are bound. */
final class ListeningSockets {
  /** The listen backlog asked for: the kernel caps it at its own maximum ({@code somaxconn}), as Netty and Go ask. */
  private static final int BACKLOG = Integer.MAX_VALUE;

  private ListeningSockets() {}

  /** A non-blocking socket listening on {@code address}, the actual port in place of a requested port 0. */
  record Listening(ServerSocketChannel channel, InetSocketAddress address) {}

  /**
   * Returns a non-blocking socket listening on {@code address} (port 0 picks a free port).
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  static Listening bind(InetSocketAddress address) {
    ServerSocketChannel channel = null;
    try {
      channel = ServerSocketChannel.open();
      channel.bind(address, BACKLOG);
      channel.configureBlocking(false);
      return new Listening(channel, (InetSocketAddress) channel.getLocalAddress());
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("address: " + address + " (expected: a free address to bind)", e);
    }
  }

  /** Closes {@code channel} (null: nothing), ignoring a failure: it is closed as far as it can be. */
  static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closed as far as it can be
    }
  }
}
