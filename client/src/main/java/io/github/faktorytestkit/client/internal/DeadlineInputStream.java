package io.github.faktorytestkit.client.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input stream whose reads share one deadline: before each read the socket's time-out is set to the
 * time left, so a reply trickled in byte by byte still ends within the limit that {@link #startWaiting} set.
 */
final class DeadlineInputStream extends FilterInputStream {
  private final Socket socket;
  private long deadlineNanos;

  DeadlineInputStream(Socket socket) throws IOException {
    super(socket.getInputStream());
    this.socket = socket;
  }

  /** Starts the wait for one reply: every read until the next call must end within {@code timeout}. */
  void startWaiting(Duration timeout) {
    deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  @Override
  public int read() throws IOException {
    armTimeout();
    return super.read();
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    armTimeout();
    return super.read(bytes, offset, length);
  }

  private void armTimeout() throws IOException {
    long leftMillis = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    if (leftMillis <= 0) {
      throw new SocketTimeoutException("reply deadline passed");
    }
    socket.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
  }
}
