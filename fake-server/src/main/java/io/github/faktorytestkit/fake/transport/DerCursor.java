package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads DER elements as Go's {@code cryptobyte} ASN.1 reader does: low tag numbers only, definite lengths in their
 * shortest form (at most 4 length bytes), integers in their shortest form, object identifiers of at most 31 bits a
 * component, booleans as one byte 0 or FF, bit strings whose unused bits are zero. A failed read leaves the cursor
 * where it was.
 */
final class DerCursor {
  private static final int HIGH_TAG = 0x1f;
  private static final int LONG_FORM = 0x80;
  private static final int SHORT_FORM_LIMIT = 128;
  private static final int INTEGER = 0x02;
  private static final int BOOLEAN = 0x01;
  private static final int BIT_STRING = 0x03;
  private static final int OBJECT_IDENTIFIER = 0x06;
  private static final int BASE128_LIMIT = 1 << 24;
  private static final int BASE128_MAX_BYTES = 5;

  /** An element read whatever its tag: the tag and a cursor over its contents. */
  record Tagged(int tag, DerCursor contents) {}

  /** A BIT STRING: its bytes and how many of their bits count ({@code asn1.BitString}). */
  record BitString(byte[] bytes, int bitLength) {
    /** The bits shifted so that the last byte holds the last bit ({@code RightAlign}). */
    byte[] rightAligned() {
      int shift = 8 - bitLength % 8;
      if (shift == 8 || bytes.length == 0) {
        return bytes.clone();
      }
      byte[] aligned = new byte[bytes.length];
      aligned[0] = (byte) ((bytes[0] & 0xff) >>> shift);
      for (int i = 1; i < bytes.length; i++) {
        aligned[i] = (byte) (bytes[i - 1] << (8 - shift) | (bytes[i] & 0xff) >>> shift);
      }
      return aligned;
    }
  }

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

  /** The number of bytes not read yet. */
  int remaining() {
    return end - position;
  }

  /** The bytes not read yet, without reading them. */
  byte[] bytes() {
    return Arrays.copyOfRange(bytes, position, end);
  }

  /** Whether the next element has tag {@code tag} ({@code PeekASN1Tag}). */
  boolean peek(int tag) {
    return position < end && (bytes[position] & 0xff) == tag;
  }

  /** Reads an element of tag {@code tag}, as a cursor over its contents ({@code ReadASN1}); empty if there is none. */
  Optional<DerCursor> read(int tag) {
    return peek(tag) ? readAny().map(Tagged::contents) : Optional.empty();
  }

  /** Reads an element of tag {@code tag} if the next one has it ({@code SkipOptionalASN1}): false if that fails. */
  boolean skipOptional(int tag) {
    return !peek(tag) || read(tag).isPresent();
  }

  /** Reads an element whatever its tag ({@code ReadAnyASN1}); empty if there is none. */
  Optional<Tagged> readAny() {
    if (end - position < 2 || (bytes[position] & HIGH_TAG) == HIGH_TAG) {
      return Optional.empty();
    }
    int tag = bytes[position] & 0xff;
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
    return Optional.of(new Tagged(tag, new DerCursor(bytes, start, position)));
  }

  /** Reads an element whatever its tag, header included ({@code ReadAnyASN1Element}); empty if there is none. */
  Optional<byte[]> readAnyElement() {
    int start = position;
    return readAny().map(element -> Arrays.copyOfRange(bytes, start, position));
  }

  /** Reads an OBJECT IDENTIFIER's components ({@code ReadASN1ObjectIdentifier}); empty if there is none. */
  Optional<int[]> readOid() {
    int start = position;
    Optional<int[]> oid = read(OBJECT_IDENTIFIER).flatMap(DerCursor::components);
    if (oid.isEmpty()) {
      position = start;
    }
    return oid;
  }

  /** Reads a BOOLEAN: one byte, 0 or FF ({@code ReadASN1Boolean}); empty if there is none. */
  Optional<Boolean> readBoolean() {
    int start = position;
    Optional<byte[]> value = read(BOOLEAN).map(DerCursor::rest).filter(v -> v.length == 1 && (v[0] == 0 || v[0] == -1));
    if (value.isEmpty()) {
      position = start;
    }
    return value.map(v -> v[0] != 0);
  }

  /** Reads a BIT STRING whose unused bits (at most 7) are zero ({@code ReadASN1BitString}); empty if there is none. */
  Optional<BitString> readBitString() {
    int start = position;
    Optional<BitString> bits = read(BIT_STRING).map(DerCursor::rest).flatMap(DerCursor::bitString);
    if (bits.isEmpty()) {
      position = start;
    }
    return bits;
  }

  private static Optional<BitString> bitString(byte[] value) {
    if (value.length == 0) {
      return Optional.empty();
    }
    int padding = value[0] & 0xff;
    byte[] bits = Arrays.copyOfRange(value, 1, value.length);
    if (padding > 7 || bits.length == 0 && padding != 0
        || bits.length > 0 && (bits[bits.length - 1] & ((1 << padding) - 1)) != 0) {
      return Optional.empty();
    }
    return Optional.of(new BitString(bits, bits.length * 8 - padding));
  }

  private Optional<int[]> components() {
    if (isEmpty()) {
      return Optional.empty();
    }
    int[] components = new int[remaining() + 1];
    OptionalInt first = readBase128();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    int value = first.getAsInt();
    components[0] = value < 80 ? value / 40 : 2;
    components[1] = value < 80 ? value % 40 : value - 80;
    int count = 2;
    while (!isEmpty()) {
      OptionalInt next = readBase128();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      components[count++] = next.getAsInt();
    }
    return Optional.of(Arrays.copyOf(components, count));
  }

  /** One component: at most 5 bytes, no leading 0x80, under 2^31 ({@code readBase128Int}). */
  private OptionalInt readBase128() {
    int value = 0;
    for (int i = 0; !isEmpty(); i++) {
      if (i == BASE128_MAX_BYTES || value >= BASE128_LIMIT) {
        return OptionalInt.empty();
      }
      int b = bytes[position++] & 0xff;
      if (i == 0 && b == LONG_FORM) {
        return OptionalInt.empty();
      }
      value = value << 7 | b & 0x7f;
      if ((b & LONG_FORM) == 0) {
        return OptionalInt.of(value);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Reads an INTEGER in its shortest form, or empty when there is none ({@code ReadASN1Integer}); {@code maxBytes}
   * bounds its length, as Go's reading into an {@code int64} does.
   */
  Optional<BigInteger> readInteger(int maxBytes) {
    return readInteger(INTEGER, maxBytes);
  }

  /** As {@link #readInteger(int)}, an integer of tag {@code tag} ({@code ReadASN1Int64WithTag} for 8 bytes). */
  Optional<BigInteger> readInteger(int tag, int maxBytes) {
    int start = position;
    Optional<byte[]> value = read(tag).map(DerCursor::rest);
    if (value.isEmpty() || !minimal(value.get()) || value.get().length > maxBytes) {
      position = start;
      return Optional.empty();
    }
    return value.map(BigInteger::new);
  }

  /** Reads the bytes not read yet. */
  byte[] rest() {
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
