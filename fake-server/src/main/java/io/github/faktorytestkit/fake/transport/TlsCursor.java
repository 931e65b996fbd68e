package io.github.faktorytestkit.fake.transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a TLS message's big-endian integers and length-prefixed vectors as Go's {@code cryptobyte.String} does: a
 * read that runs past the end fails (empty or -1) and leaves the cursor where it was.
 */
final class TlsCursor {
  private final byte[] bytes;
  private final int end;
  private int position;

  private TlsCursor(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  /** A cursor over all of {@code bytes}. */
  static TlsCursor of(byte[] bytes) {
    return new TlsCursor(bytes, 0, bytes.length);
  }

  /** Whether every byte has been read. */
  boolean isEmpty() {
    return position == end;
  }

  /** How many bytes are left. */
  int remaining() {
    return end - position;
  }

  /** Skips {@code n} bytes; false when fewer are left. */
  boolean skip(int n) {
    if (end - position < n) {
      return false;
    }
    position += n;
    return true;
  }

  /** Reads an unsigned integer of {@code size} bytes (1 to 3), or -1 when fewer are left. */
  int readUint(int size) {
    if (end - position < size) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < size; i++) {
      value = value << 8 | bytes[position++] & 0xff;
    }
    return value;
  }

  /** Reads the next {@code n} bytes, or empty when fewer are left. */
  Optional<byte[]> readBytes(int n) {
    if (n < 0 || end - position < n) {
      return Optional.empty();
    }
    byte[] read = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return Optional.of(read);
  }

  /** Reads a vector whose length is a prefix of {@code prefixSize} bytes, as a cursor; empty when it runs over. */
  Optional<TlsCursor> readVector(int prefixSize) {
    int start = position;
    int length = readUint(prefixSize);
    if (length < 0 || end - position < length) {
      position = start;
      return Optional.empty();
    }
    position += length;
    return Optional.of(new TlsCursor(bytes, position - length, position));
  }

  /** Reads the rest. */
  byte[] readRest() {
    return readBytes(end - position).orElseThrow();
  }
}
