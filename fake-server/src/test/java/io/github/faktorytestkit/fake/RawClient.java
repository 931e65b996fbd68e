package io.github.faktorytestkit.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A bare socket client for tests: writes lines, reads whole RESP frames back as text (CRLF included). Reads wait
 * at most five seconds of real time for bytes the server must already have sent.
 */
public final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Returns a client connected to 127.0.0.1:{@code port}. */
  public static RawClient connect(int port) {
    return connect(port, 5_000);
  }

  /** Returns a client connected to 127.0.0.1:{@code port} whose reads wait up to {@code readTimeoutMillis}. */
  public static RawClient connect(int port, int readTimeoutMillis) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(readTimeoutMillis);
      return new RawClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code line} followed by CRLF. */
  public RawClient send(String line) {
    return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code bytes} as they are. */
  public RawClient sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Shuts down the sending side (a TCP half-close); replies can still be read. */
  public RawClient shutdownOutput() {
    try {
      socket.shutdownOutput();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code line} and returns the next frame. */
  public String command(String line) {
    return send(line).readFrame();
  }

  /** Returns the next frame: a line, plus the content of a bulk string ({@code $n}). */
  public String readFrame() {
    String header = readLine();
    if (!header.startsWith("$") || header.equals("$-1\r\n")) {
      return header;
    }
    int length = Integer.parseInt(header.substring(1, header.length() - 2));
    return header + new String(readBytes(length + 2), StandardCharsets.UTF_8);
  }

  /** Returns everything up to and including the next LF. */
  public String readLine() {
    return new String(readLineBytes(), StandardCharsets.UTF_8);
  }

  /** Returns the bytes up to and including the next LF, as they came. */
  public byte[] readLineBytes() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    do {
      b = read();
      if (b < 0) {
        throw new IllegalStateException("connection closed after " + line.toString(StandardCharsets.UTF_8));
      }
      line.write(b);
    } while (b != '\n');
    return line.toByteArray();
  }

  /** Returns whether the server closed the connection: the next read finds the end of the stream. */
  public boolean closedByServer() {
    try {
      return read() < 0;
    } catch (UncheckedIOException e) {
      // a reset is a close too
      return !(e.getCause() instanceof SocketTimeoutException);
    }
  }

  /** Reads and returns exactly {@code length} bytes. */
  public byte[] readBytes(int length) {
    try {
      return in.readNBytes(length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int read() {
    try {
      return in.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
