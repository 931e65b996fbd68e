package io.github.faktorytestkit.client.internal;

import io.github.faktorytestkit.client.FaktoryConnectionException;
import io.github.faktorytestkit.client.FaktoryException;
import io.github.faktorytestkit.client.FaktoryProtocolException;
import io.github.faktorytestkit.client.FaktoryTimeoutException;
import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.protocol.MalformedReplyException;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.ReplyReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One socket to a Faktory server: writes command lines, reads reply frames, logs both, and turns I/O trouble into
 * {@link FaktoryException}s. After the first I/O, time-out or protocol error the connection is broken: the socket
 * is closed and every later use fails with a message naming that first error. Internal API.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from any thread to abort a blocked read.
 */
public final class Connection implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong();

  private final ConnectionOptions options;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ReplyReader reader = new ReplyReader();
  private final WireLog wire;
  private volatile FaktoryException brokenBy;
  private volatile boolean closed;

  private Connection(ConnectionOptions options, Socket socket) throws IOException {
    this.options = options;
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = new BufferedOutputStream(socket.getOutputStream());
    String name = "faktory#" + IDS.incrementAndGet() + " " + options.url().host() + ":" + options.url().port();
    this.wire = new WireLog(options.wireLogger(), name);
    wire.event(options.url().tls() ? "connected (TLS)" : "connected");
  }

  /**
   * Opens a TCP (or TLS) connection. Blocks for at most the connect timeout (plus the read timeout for TLS).
   *
   * @throws FaktoryConnectionException when the server cannot be reached ({@link FaktoryTimeoutException} in time)
   */
  public static Connection open(ConnectionOptions options) {
    Socket socket = Sockets.connect(options);
    try {
      return new Connection(options, socket);
    } catch (IOException e) {
      Sockets.closeQuietly(socket);
      throw new FaktoryConnectionException(options.url().host(), options.url().port(), "cannot open streams", e);
    }
  }

  /** Sends {@code line}. Blocks while the socket's send buffer is full. */
  public void send(CommandLine line) {
    write(line.toWire(), line::redacted, line.verb().name());
  }

  /** Sends {@code line} (no CR or LF) as it is, CRLF-terminated, for commands outside {@link CommandLine}. */
  public void sendRaw(String line) {
    write((line + "\r\n").getBytes(StandardCharsets.UTF_8), () -> line, "command");
  }

  /**
   * Returns the next frame. Blocks for at most the read timeout.
   *
   * @param waitingFor what the reply answers, for error messages (e.g. {@code FETCH})
   */
  public Reply receive(String waitingFor) {
    requireUsable();
    try {
      Reply reply = reader.read(in);
      wire.received(reply);
      return reply;
    } catch (SocketTimeoutException e) {
      throw breakWith(new FaktoryTimeoutException(host(), port(), "no reply to " + waitingFor,
          options.readTimeout(), e));
    } catch (EOFException e) {
      throw breakWith(failure("server closed the connection while waiting for the reply to " + waitingFor, e));
    } catch (MalformedReplyException e) {
      wire.receivedMalformed(e.escapedFrame());
      throw breakWith(new FaktoryProtocolException(e.problem() + " in the reply to " + waitingFor,
          e.escapedFrame(), e));
    } catch (IOException e) {
      throw breakWith(failure("cannot read the reply to " + waitingFor, e));
    }
  }

  /**
   * Marks the connection broken by a well-formed but unacceptable {@code reply} and returns the exception to
   * throw.
   */
  public FaktoryProtocolException unexpected(String problem, Reply reply, Throwable cause) {
    return breakWith(new FaktoryProtocolException(problem, reply.escaped(), cause));
  }

  /** Returns the server's host, as configured. */
  public String host() {
    return options.url().host();
  }

  /** Returns the server's port. */
  public int port() {
    return options.url().port();
  }

  /** Returns whether the connection is open and not broken. */
  public boolean isUsable() {
    return !closed && brokenBy == null;
  }

  /** Closes the socket. Idempotent; safe from any thread; a read blocked in another thread then fails. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Sockets.closeQuietly(socket);
      wire.event("closed");
    }
  }

  private void write(byte[] bytes, Supplier<String> shown, String command) {
    requireUsable();
    wire.sent(shown);
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw breakWith(failure("cannot send " + command, e));
    }
  }

  private void requireUsable() {
    FaktoryException cause = brokenBy;
    if (cause != null) {
      throw new FaktoryConnectionException(host(), port(),
          "connection broken by an earlier error: " + cause.getMessage() + " (expected: a new FaktoryClient)", cause);
    }
    if (closed) {
      throw failure("client is closed", null);
    }
  }

  private FaktoryConnectionException failure(String problem, IOException cause) {
    String detail = closed && cause != null ? problem + ": client closed" : problem;
    return new FaktoryConnectionException(host(), port(), detail, cause);
  }

  private <E extends FaktoryException> E breakWith(E error) {
    if (brokenBy == null && !closed) {
      brokenBy = error;
    }
    close();
    return error;
  }
}
