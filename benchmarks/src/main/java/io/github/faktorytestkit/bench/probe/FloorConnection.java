package io.github.faktorytestkit.bench.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One connection of {@link LoadFloorServer}: its socket and the bytes read but not yet cut into lines. */
final class FloorConnection implements FloorClient {
  private final SocketChannel channel;
  private final ByteBuffer input = ByteBuffer.allocateDirect(1 << 16);

  FloorConnection(SocketChannel channel) {
    this.channel = channel;
  }

  /** Reads what the socket has; returns false at end of stream. */
  boolean fill() throws IOException {
    return channel.read(input) >= 0;
  }

  /** Returns the next complete line without its CRLF, or null when none is complete yet. */
  byte[] nextLine() {
    int end = input.position();
    for (int i = 0; i < end; i++) {
      if (input.get(i) == '\n') {
        byte[] line = new byte[i > 0 && input.get(i - 1) == '\r' ? i - 1 : i];
        input.get(0, line);
        input.flip().position(i + 1);
        input.compact();
        return line;
      }
    }
    return null;
  }

  @Override
  public void send(byte[] reply) throws IOException {
    send(channel, reply);
  }

  /** Writes {@code bytes} whole to a non-blocking {@code channel}. */
  static void send(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      if (channel.write(buffer) == 0) {
        Thread.onSpinWait();
      }
    }
  }

  /** Closes the socket, ignoring a failure. */
  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
