package io.github.faktorytestkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A server on 127.0.0.1 that serves every connection alike, so the client's second look (its probe) sees what the
 * first did: either Faktory's Web UI as 1.9.4 behaves towards clients of the protocol port (it waits for a request
 * and closes silently when none arrives within its read timeout, 1 s on Faktory and 200 ms here; it answers
 * {@code HEAD} with {@code 200} and anything else with {@code 400}), or a Faktory without TLS, which greets first.
 */
final class ProbedServer implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 200;
  private final ServerSocket serverSocket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
  private final String greeting;

  private ProbedServer(String greeting) throws IOException {
    this.greeting = greeting;
    Thread thread = new Thread(this::serve, "web-port");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts a server that behaves as Faktory's Web UI. */
  static ProbedServer webUi() throws IOException {
    return new ProbedServer(null);
  }

  /** Starts a server that greets every connection with {@code HI} in plain text, as Faktory without TLS. */
  static ProbedServer plainFaktory() throws IOException {
    return new ProbedServer(ScriptedServer.HI);
  }

  /** Returns the server's URL with scheme {@code scheme}, e.g. {@code tcp}. */
  String url(String scheme) {
    return scheme + "://127.0.0.1:" + serverSocket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }

  private void serve() {
    while (!serverSocket.isClosed()) {
      try (Socket socket = serverSocket.accept()) {
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        if (greeting != null) {
          socket.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
        }
        answer(socket);
      } catch (IOException e) {
        // closed by the test, or the client went away
      }
    }
  }

  private static void answer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] request = new byte[4];
    try {
      if (in.readNBytes(request, 0, request.length) < request.length) {
        return;
      }
    } catch (SocketTimeoutException e) {
      return;
    }
    String reply = new String(request, StandardCharsets.US_ASCII).equals("HEAD")
        ? "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        : "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"
            + "400 Bad Request";
    socket.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
  }
}
