package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads DER elements as Go's {@code cryptobyte} ASN.1 reader does: low tag numbers only, definite lengths in their
 * shortest form (at most 4 length bytes), integers in their shortest form. A failed read leaves the cursor where it
 * was.
 */
final class DerCursor {
  private static final int HIGH_TAG = 0x1f;
  private static final int LONG_FORM = 0x80;
  private static final int SHORT_FORM_LIMIT = 128;
  private static final int INTEGER = 0x02;

  private final byte[] bytes;
  private final int end;
  private int position;

  private DerCursor(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  /** A cursor over all of {@code der}. */
  static DerCursor of(byte[] der) {
    return new DerCursor(der, 0, der.length);
  }

  /** Whether every byte has been read. */
  boolean isEmpty() {
    return position == end;
  }

  /** Whether the next element has tag {@code tag} ({@code PeekASN1Tag}). */
  boolean peek(int tag) {
    return position < end && (bytes[position] & 0xff) == tag;
  }

  /** Reads an element of tag {@code tag}, header included ({@code ReadASN1Element}); empty if there is none. */
  Optional<byte[]> readElement(int tag) {
    int start = position;
    Optional<DerCursor> contents = read(tag);
    return contents.map(c -> Arrays.copyOfRange(bytes, start, position));
  }

  /** Reads an element of tag {@code tag}, as a cursor over its contents ({@code ReadASN1}); empty if there is none. */
  Optional<DerCursor> read(int tag) {
    if (end - position < 2 || (bytes[position] & 0xff) != tag || (tag & HIGH_TAG) == HIGH_TAG) {
      return Optional.empty();
    }
    int lengthByte = bytes[position + 1] & 0xff;
    int header = 2;
    long length = lengthByte;
    if ((lengthByte & LONG_FORM) != 0) {
      int lengthBytes = lengthByte & ~LONG_FORM;
      if (lengthBytes == 0 || lengthBytes > 4 || end - position < 2 + lengthBytes || bytes[position + 2] == 0) {
        return Optional.empty();
      }
      length = 0;
      for (int i = 0; i < lengthBytes; i++) {
        length = length << 8 | bytes[position + 2 + i] & 0xff;
      }
      header += lengthBytes;
      if (length < SHORT_FORM_LIMIT) {
        return Optional.empty();
      }
    }
    if (end - position - header < length) {
      return Optional.empty();
    }
    int start = position + header;
    position = start + (int) length;
    return Optional.of(new DerCursor(bytes, start, position));
  }

  /**
   * Reads an INTEGER in its shortest form, or empty when there is none ({@code ReadASN1Integer}); {@code maxBytes}
   * bounds its length, as Go's reading into an {@code int64} does.
   */
  Optional<BigInteger> readInteger(int maxBytes) {
    int start = position;
    Optional<byte[]> value = read(INTEGER).map(DerCursor::rest);
    if (value.isEmpty() || !minimal(value.get()) || value.get().length > maxBytes) {
      position = start;
      return Optional.empty();
    }
    return value.map(BigInteger::new);
  }

  private byte[] rest() {
    byte[] rest = Arrays.copyOfRange(bytes, position, end);
    position = end;
    return rest;
  }

  private static boolean minimal(byte[] integer) {
    if (integer.length == 0) {
      return false;
    }
    return integer.length == 1 || !(integer[0] == 0 && integer[1] >= 0 || integer[0] == -1 && integer[1] < 0);
  }
}
