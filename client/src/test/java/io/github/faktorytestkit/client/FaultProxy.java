package io.github.faktorytestkit.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 in front of one server (a {@link ScriptedServer}) that injects one {@link Fault} into a
 * client's traffic: a reset, a split, a delay, garbage or a close where a reply belongs, or a server that stops
 * reading. Serves one client connection at a time; every thread is a daemon and {@link #close()} ends them.
 */
final class FaultProxy implements AutoCloseable {
  /** What goes wrong. */
  enum Kind {
    /** The server's next reply is cut in half and the connection reset (RST). */
    RESET_MID_REPLY,
    /** Every byte from the server is sent on its own, with a pause after each. */
    SPLIT_BYTES,
    /** The server's next reply is held back for the pause. */
    DELAY_REPLY,
    /** The server's next reply is replaced by garbage bytes. */
    GARBAGE_REPLY,
    /** The server gets the line; its reply is dropped and the client's connection closed (FIN). */
    CLOSE_BEFORE_REPLY,
    /** After the line the proxy stops reading from the client, as a server that stops reading. */
    STOP_READING
  }

  /**
   * One fault, armed by the first client line that starts with {@code trigger} (null: from the start).
   *
   * @param kind what goes wrong
   * @param trigger the start of the line that arms the fault, e.g. {@code PUSH}, or null
   * @param pause the pause for {@link Kind#SPLIT_BYTES} and {@link Kind#DELAY_REPLY}
   */
  record Fault(Kind kind, String trigger, Duration pause) {
    static Fault on(Kind kind, String trigger) {
      return new Fault(kind, trigger, Duration.ZERO);
    }
  }

  /** The bytes {@link Kind#GARBAGE_REPLY} sends: NUL, a byte that is not UTF-8, a bare LF. */
  static final byte[] GARBAGE = {0, (byte) 0xff, 'x', '\n'};

  private final ServerSocket listener;
  private final int targetPort;
  private final Fault fault;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean armed;

  private FaultProxy(int targetPort, Fault fault) throws IOException {
    this.listener = new ServerSocket();
    listener.setReceiveBufferSize(4096); // small, so a client's big write fills the buffers soon (STOP_READING)
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    this.targetPort = targetPort;
    this.fault = fault;
    this.armed = fault.trigger() == null;
    daemon("fault-proxy-accept", this::acceptOne);
  }

  /** Starts a proxy to the server at {@code targetUrl} (a 127.0.0.1 URL) that injects {@code fault}. */
  static FaultProxy start(String targetUrl, Fault fault) throws IOException {
    return new FaultProxy(FaktoryUrl.parse(targetUrl).port(), fault);
  }

  /** Returns the URL a client connects to. */
  String url() {
    return "tcp://127.0.0.1:" + listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    closing.countDown();
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void acceptOne() {
    try {
      Socket client = track(listener.accept());
      Socket server = track(new Socket(InetAddress.getLoopbackAddress(), targetPort));
      client.setTcpNoDelay(true);
      daemon("fault-proxy-up", () -> upstream(client, server));
      downstream(server, client);
    } catch (IOException e) {
      // the proxy was closed, or a side reset the connection: nothing more to forward
    }
  }

  private void upstream(Socket client, Socket server) {
    try (InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = server.getOutputStream()) {
      for (byte[] line = readLine(in); line.length > 0; line = readLine(in)) {
        boolean trigger = fault.trigger() != null
            && new String(line, StandardCharsets.UTF_8).startsWith(fault.trigger());
        armed |= trigger;
        out.write(line);
        out.flush();
        if (trigger && fault.kind() == Kind.STOP_READING) {
          closing.await();
          return;
        }
      }
      server.shutdownOutput();
    } catch (IOException e) {
      // a side closed: the other pump ends on its own
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void downstream(Socket server, Socket client) throws IOException {
    InputStream in = server.getInputStream();
    OutputStream out = client.getOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (!armed || fault.kind() == Kind.STOP_READING) {
        out.write(buffer, 0, n);
      } else if (!inject(buffer, n, client, out)) {
        return;
      }
    }
    client.shutdownOutput();
  }

  /** Applies the fault to {@code n} bytes of a reply; returns whether to go on forwarding. */
  private boolean inject(byte[] reply, int n, Socket client, OutputStream out) throws IOException {
    switch (fault.kind()) {
      case SPLIT_BYTES -> {
        for (int i = 0; i < n; i++) {
          out.write(reply[i]);
          out.flush();
          pause(fault.pause());
        }
        return true;
      }
      case DELAY_REPLY -> {
        pause(fault.pause());
        out.write(reply, 0, n);
      }
      case GARBAGE_REPLY -> out.write(GARBAGE);
      case RESET_MID_REPLY -> {
        out.write(reply, 0, Math.max(1, n / 2));
        out.flush();
        client.setSoLinger(true, 0);
        client.close();
        return false;
      }
      case CLOSE_BEFORE_REPLY -> {
        client.close();
        return false;
      }
      default -> throw new IllegalStateException("fault: " + fault);
    }
    armed = false;
    return true;
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.toByteArray();
  }

  private Socket track(Socket socket) {
    sockets.add(socket);
    return socket;
  }

  private void pause(Duration pause) {
    try {
      closing.await(pause.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
