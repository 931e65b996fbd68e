package io.github.faktorytestkit.bench.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Spawned as a process: the floor under Go {@code load} against the standalone jar. A JVM that answers what
 * {@code load} sends (HELLO, FLUSH, PUSH, FETCH, ACK, FAIL, END) with canned replies, on one thread with plain
 * {@code java.nio}, keeping each pushed job as its raw line in a queue ({@link FloorQueues}) so a FETCH answers a job
 * that was pushed; no model, no JSON. Takes {@code -b 127.0.0.1:PORT} (other arguments ignored) and serves until
 * killed. Its jobs/s is what any JVM stand-in can reach on this machine.
 */
public final class LoadFloorServer {
  private final Selector selector;
  private final FloorQueues queues = new FloorQueues();

  private LoadFloorServer(Selector selector) {
    this.selector = selector;
  }

  /** Serves until killed. */
  public static void main(String[] args) throws IOException {
    try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(address(args), 128);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      new LoadFloorServer(selector).serve();
    }
  }

  private void serve() throws IOException {
    while (true) {
      selector.select(queues.millisToNextTimeout());
      for (SelectionKey key : selector.selectedKeys()) {
        if (key.isAcceptable()) {
          accept((ServerSocketChannel) key.channel());
        } else if (key.isReadable()) {
          read(key);
        }
      }
      selector.selectedKeys().clear();
      queues.expireWaits();
    }
  }

  private void accept(ServerSocketChannel server) throws IOException {
    SocketChannel client = server.accept();
    if (client == null) {
      return;
    }
    client.configureBlocking(false);
    client.register(selector, SelectionKey.OP_READ, new FloorConnection(client));
    FloorConnection.send(client, FloorQueues.GREETING);
  }

  private void read(SelectionKey key) {
    FloorConnection connection = (FloorConnection) key.attachment();
    try {
      byte[] line;
      if (!connection.fill()) {
        close(key, connection);
        return;
      }
      while ((line = connection.nextLine()) != null) {
        if (!queues.answer(connection, line)) {
          close(key, connection);
          return;
        }
      }
    } catch (IOException e) {
      close(key, connection);
    }
  }

  private void close(SelectionKey key, FloorConnection connection) {
    key.cancel();
    queues.forget(connection);
    connection.close();
  }

  /** Returns the loopback address with the port of {@code -b 127.0.0.1:PORT} in {@code args} (0: any free one). */
  static InetSocketAddress address(String[] args) {
    int port = 0;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-b")) {
        port = Integer.parseInt(args[i + 1].substring(args[i + 1].lastIndexOf(':') + 1));
      }
    }
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }
}
