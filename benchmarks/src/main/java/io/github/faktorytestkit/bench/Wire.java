package io.github.faktorytestkit.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One blocking line-oriented client socket, as lean as a load generator needs. Not thread-safe. */
public final class Wire implements AutoCloseable {
  /** The ports {@link #freePort()} returned so far. */
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final StringBuilder line = new StringBuilder();

  private Wire(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects to 127.0.0.1:{@code port}. */
  public static Wire connect(int port) throws IOException {
    return new Wire(new Socket("127.0.0.1", port));
  }

  /** Connects to 127.0.0.1:{@code port}, retrying every millisecond while nothing listens, up to 30 s. */
  public static Wire connectWhenListening(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        return connect(port);
      } catch (ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(1);
      }
    }
  }

  /** Connects to a Faktory server, reads {@code +HI} and says {@code HELLO}, ready for commands. */
  public static Wire faktorySession(int port) throws IOException {
    Wire wire = connect(port);
    wire.expect("+HI");
    wire.call("HELLO {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII), "+OK");
    return wire;
  }

  /** Writes {@code request} without waiting for a reply. */
  public void send(byte[] request) throws IOException {
    out.write(request);
  }

  /** Writes {@code request} and reads one reply line, which must start with {@code expected}. */
  public void call(byte[] request, String expected) throws IOException {
    out.write(request);
    expect(expected);
  }

  /** Reads one line, which must start with {@code expected}. */
  public String expect(String expected) throws IOException {
    String received = readLine();
    if (!received.startsWith(expected)) {
      throw new IOException("reply: " + received + " (expected: " + expected + "...)");
    }
    return received;
  }

  /**
   * Returns a loopback port free now, never one this JVM returned before: a server spawned on an earlier one may
   * still hold it, and two picks for one server (its command and web ports) must differ, which the system's choice
   * alone does not promise (a run of the RSS figure once lost a jar that way: it greeted, then could not bind its web
   * port and exited).
   */
  public static int freePort() throws IOException {
    while (true) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress("127.0.0.1", 0));
        if (GIVEN.add(probe.getLocalPort())) {
          return probe.getLocalPort();
        }
      }
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed after: " + line);
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
