package io.github.faktorytestkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free TCP ports on 127.0.0.1 for servers the launchers start. */
final class LoopbackPorts {
  /** The only address real targets bind and tests connect to. */
  static final String HOST = "127.0.0.1";

  private LoopbackPorts() {}

  /**
   * Returns {@code count} distinct ports that were free a moment ago. Another process may take one before the
   * server binds it; {@link LocalFaktory} retries in that case.
   */
  static int[] free(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    } finally {
      closeAll(sockets);
    }
  }

  private static void closeAll(ServerSocket[] sockets) {
    for (ServerSocket socket : sockets) {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // the port is released either way
      }
    }
  }
}
