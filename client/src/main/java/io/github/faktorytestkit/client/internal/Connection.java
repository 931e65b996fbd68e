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
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One socket to a Faktory server: writes command lines, reads reply frames, logs both, and turns I/O trouble into
 * {@link FaktoryException}s. After the first I/O, time-out or protocol error the connection is broken: the socket
 * is closed and every later use fails with a message naming that first error. Internal API.
 *
 * <p>Every reply must arrive whole within its time-out, however the server splits it, and every line must be sent
 * whole within the write time-out (both kept by {@link IoWatchdog}), so no call blocks longer than the two together.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from any thread to abort a blocked read.
 */
public final class Connection implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong();

  private final ConnectionOptions options;
  private final Sockets.Open socket;
  private final InputStream in;
  private final OutputStream out;
  private final IoWatchdog watchdog;
  private final ReplyReader reader = new ReplyReader();
  private final WireLog wire;
  private volatile FaktoryException brokenBy;
  private volatile boolean closed;

  private Connection(ConnectionOptions options, Sockets.Open socket) throws IOException {
    this.options = options;
    this.socket = socket;
    socket.socket().setSoTimeout(0);   // the watchdog bounds each read: a socket time-out costs two system calls more
    this.in = new BufferedInputStream(socket.socket().getInputStream());
    this.out = socket.socket().getOutputStream();
    this.watchdog = IoWatchdog.watching(socket.tcp());
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
    Sockets.Open socket = Sockets.connect(options);
    try {
      return new Connection(options, socket);
    } catch (IOException e) {
      Sockets.closeQuietly(socket.socket());
      throw new FaktoryConnectionException(options.url().host(), options.url().port(), "cannot open streams", e);
    }
  }

  /**
   * Sends {@code line}. Blocks for at most the write timeout while the socket's send buffer is full.
   *
   * @throws FaktoryTimeoutException when the line could not be sent in time (the server stopped reading)
   */
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
    return receive(waitingFor, options.readTimeout());
  }

  /** Returns the next frame, which must arrive whole within {@code timeout}; see {@link #receive(String)}. */
  public Reply receive(String waitingFor, Duration timeout) {
    requireUsable();
    watchdog.arm(timeout);
    Reply reply = null;
    IOException error = null;
    boolean inTime;
    try {
      reply = reader.read(in);
    } catch (IOException e) {
      error = e;
    } finally {
      inTime = watchdog.disarm();
    }
    if (!inTime) {
      throw breakWith(new FaktoryTimeoutException(host(), port(), "no reply to " + waitingFor, timeout,
          new SocketTimeoutException("reply deadline passed")));
    }
    if (error != null) {
      throw failedRead(waitingFor, error);
    }
    wire.received(reply);
    return reply;
  }

  private FaktoryException failedRead(String waitingFor, IOException error) {
    if (error instanceof EOFException) {
      return breakWith(new FaktoryConnectionException(host(), port(),
          "server closed the connection while waiting for the reply to " + waitingFor, error));
    }
    if (error instanceof MalformedReplyException e) {
      wire.receivedMalformed(e.escapedFrame());
      return breakWith(new FaktoryProtocolException(e.problem() + " in the reply to " + waitingFor,
          e.escapedFrame(), e));
    }
    return breakWith(failure("cannot read the reply to " + waitingFor, error));
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

  /** Returns the settings this connection was opened with. */
  public ConnectionOptions options() {
    return options;
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
      Sockets.closeQuietly(socket.socket());
      wire.event("closed");
    }
  }

  private void write(byte[] bytes, Supplier<String> shown, String command) {
    requireUsable();
    wire.sent(shown);
    watchdog.arm(options.writeTimeout());
    IOException error = null;
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      error = e;
    }
    if (!watchdog.disarm()) {
      throw breakWith(new FaktoryTimeoutException(host(), port(), "the server stopped reading: cannot send "
          + command, options.writeTimeout(), error));
    }
    if (error != null) {
      throw breakWith(failure("cannot send " + command, error));
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
    String detail = cause == null ? problem : problem + ": " + (closed ? "client closed" : cause.getMessage());
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
