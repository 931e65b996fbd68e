package io.github.faktorytestkit.recording;

import io.github.faktorytestkit.transcript.FrameReader;
import io.github.faktorytestkit.transcript.Side;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A scenario's raw connection: sends bytes exactly as given and reads back whole server frames, so that every run
 * of a scenario puts the same frames on the wire in the same order. Waits are bounded; nothing is validated.
 */
final class RawWire implements AutoCloseable {
  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_SETTLE = Duration.ofMillis(100);

  private final Socket socket;
  private final OutputStream out;
  private final FrameReader frames;

  private RawWire(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.frames = new FrameReader(socket.getInputStream(), Side.SERVER);
  }

  static RawWire open(URI url) {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
      socket.setTcpNoDelay(true);
      return new RawWire(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + url, e);
    }
  }

  /** Writes {@code bytes} as they are, in one write. */
  RawWire write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("write failed", e);
    }
    return this;
  }

  /** Writes {@code line} and CRLF. */
  RawWire write(String line) {
    return write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code line} with CRLF and returns the reply frame as text, or empty when the server closed. */
  Optional<String> send(String line) {
    return write(line).read(REPLY_TIMEOUT);
  }

  /** Returns the next frame as text (UTF-8), or empty when the server closed; fails after {@code timeout}. */
  Optional<String> read(Duration timeout) {
    return readFrame(timeout).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** Returns the next frame's bytes, or empty when the server closed; fails after {@code timeout}. */
  Optional<byte[]> readFrame(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      return frames.next();
    } catch (SocketTimeoutException e) {
      throw new IllegalStateException("no frame within " + timeout.toSeconds() + " s", e);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Returns whether the server has closed its end. */
  boolean serverClosed() {
    return frames.ended();
  }

  /** Waits up to {@code timeout} for the server to close its end; fails when it sends a frame instead. */
  void awaitServerClose(Duration timeout) {
    readFrame(timeout).ifPresent(frame -> {
      throw new IllegalStateException("expected a close, got " + new String(frame, StandardCharsets.UTF_8));
    });
  }

  /** Sends END and waits for the server to close, so the close order is the same in every run. */
  void end() {
    write("END");
    awaitServerClose(REPLY_TIMEOUT);
    close();
  }

  /**
   * Closes the client's end; unless the server closed first, waits (up to 5 s) for the server's close, so that
   * the transcript always shows the client's close first and the server's after it. Then pauses briefly: the
   * proxy logs the close from its own thread, and the next step on another connection must come after it.
   */
  @Override
  public void close() {
    if (socket.isClosed()) {
      return;
    }
    try {
      if (!frames.ended()) {
        socket.shutdownOutput();
        readFrame(Duration.ofSeconds(5));
      }
      socket.close();
    } catch (IOException | IllegalStateException e) {
      closeQuietly();
    }
    settle();
  }

  private static void settle() {
    try {
      Thread.sleep(CLOSE_SETTLE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
