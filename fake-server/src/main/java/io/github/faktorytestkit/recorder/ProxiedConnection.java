package io.github.faktorytestkit.recorder;

import io.github.faktorytestkit.transcript.CaptureLog;
import io.github.faktorytestkit.transcript.FrameSplitter;
import io.github.faktorytestkit.transcript.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * One client connection and its connection to the server, with a thread per direction copying bytes as they come.
 * Each thread cuts its stream into frames and logs them before forwarding the bytes; at EOF it logs the close and
 * half-closes the other socket (a TLS socket cannot half-close: it is closed), so a reply to the last line still
 * gets through.
 */
final class ProxiedConnection {
  private static final int BUFFER = 16 * 1024;

  private final String name;
  private final Socket client;
  private final Socket server;
  private final CaptureLog log;
  private final CountDownLatch pumpsDone = new CountDownLatch(2);

  private ProxiedConnection(String name, Socket client, Socket server, CaptureLog log) {
    this.name = name;
    this.client = client;
    this.server = server;
    this.log = log;
  }

  /** Logs the connection's opening and starts copying both ways. */
  static ProxiedConnection start(Socket client, Socket server, CaptureLog log) {
    ProxiedConnection connection = new ProxiedConnection(log.open(), client, server, log);
    connection.pump(Side.CLIENT, client, server);
    connection.pump(Side.SERVER, server, client);
    return connection;
  }

  private void pump(Side sender, Socket from, Socket to) {
    Thread thread = new Thread(() -> copy(sender, from, to), "faktory-recorder-" + name + "-" + sender.word());
    thread.setDaemon(true);
    thread.start();
  }

  private void copy(Side sender, Socket from, Socket to) {
    FrameSplitter splitter = FrameSplitter.forSender(sender);
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
        splitter.feed(buffer, 0, count).forEach(frame -> log.frame(name, sender, frame));
        write(out, buffer, count);
      }
    } catch (IOException closed) {
      // a reset or a socket closed under us ends this direction like an EOF
    } finally {
      splitter.finish().ifPresent(rest -> log.frame(name, sender, rest));
      log.close(name, sender);
      endOutput(to);
      pumpsDone.countDown();
    }
  }

  /** Forwards bytes; a peer that is gone already is not this direction's problem (its own pump logs the close). */
  private static void write(OutputStream out, byte[] buffer, int count) {
    try {
      out.write(buffer, 0, count);
      out.flush();
    } catch (IOException peerGone) {
      // keep reading and logging what the sender sends
    }
  }

  private static void endOutput(Socket socket) {
    try {
      if (socket instanceof SSLSocket || socket.isOutputShutdown()) {
        socket.close();
      } else {
        socket.shutdownOutput();
      }
    } catch (IOException | UnsupportedOperationException e) {
      closeQuietly(socket);
    }
  }

  /** Waits up to {@code millis} for both directions to end by themselves; returns whether they did. */
  boolean awaitEnd(long millis) throws InterruptedException {
    return pumpsDone.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Closes both sockets; the pumps then end. */
  void close() {
    closeQuietly(client);
    closeQuietly(server);
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
