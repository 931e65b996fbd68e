package io.github.faktorytestkit.client;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A plain socket, for a TLS layer put over it, whose writes can be held ({@link #hold}) and then sent in one write
 * ({@link #release}): TLS records that a client writes one by one reach the server in one read. A shutdown of its
 * output while held comes after the held bytes.
 */
final class HeldSocket extends Socket {
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();
  private OutputStream out;
  private boolean holding;
  private boolean shutdownHeld;

  HeldSocket(String host, int port) throws IOException {
    super(host, port);
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (out == null) {
      out = new FilterOutputStream(super.getOutputStream()) {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
          if (!written(buffer, offset, length)) {
            super.out.write(buffer, offset, length);
          }
        }

        @Override
        public void flush() throws IOException {
          if (!holding()) {
            super.flush();
          }
        }
      };
    }
    return out;
  }

  @Override
  public synchronized void shutdownOutput() throws IOException {
    if (holding) {
      shutdownHeld = true;
    } else {
      super.shutdownOutput();
    }
  }

  /** Holds what is written from now on. */
  synchronized void hold() {
    holding = true;
  }

  /** Sends what was held in one write (then the output's shutdown, if one was asked for), and stops holding. */
  synchronized void release() throws IOException {
    holding = false;
    OutputStream socket = super.getOutputStream();
    socket.write(held.toByteArray());
    socket.flush();
    held.reset();
    if (shutdownHeld) {
      super.shutdownOutput();
    }
  }

  private synchronized boolean holding() {
    return holding;
  }

  private synchronized boolean written(byte[] buffer, int offset, int length) {
    if (holding) {
      held.write(buffer, offset, length);
    }
    return holding;
  }
}
