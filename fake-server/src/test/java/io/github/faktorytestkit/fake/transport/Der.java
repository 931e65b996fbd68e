package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** DER elements written by hand, for certificates with one field as a test wants it. */
final class Der {
  static final byte[] NULL = {0x05, 0x00};

  private Der() {}

  /** An element of tag {@code tag} holding {@code parts}, its length in DER's shortest form. */
  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> 8 * i);
      }
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, parts);
  }

  /** {@code parts} one after the other. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** An OBJECT IDENTIFIER of dotted components. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      base128(out, Long.parseLong(parts[i]));
    }
    return tlv(0x06, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 6) / 7);
    for (int i = groups - 1; i >= 0; i--) {
      out.write((int) (value >>> 7 * i & 0x7f | (i > 0 ? 0x80 : 0)));
    }
  }

  static byte[] integer(long value) {
    return integer(BigInteger.valueOf(value));
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  /** A BIT STRING of {@code bytes} with {@code unused} bits unused at the end. */
  static byte[] bitString(int unused, byte[] bytes) {
    return tlv(0x03, concat(new byte[] {(byte) unused}, bytes));
  }

  static byte[] octetString(byte[] bytes) {
    return tlv(0x04, bytes);
  }

  /** The bytes of {@code hex}. */
  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** The bytes of {@code text} in ISO-8859-1 (so {@code \u00ff} is the byte FF). */
  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A string element of tag {@code tag} holding {@code text}'s ISO-8859-1 bytes. */
  static byte[] string(int tag, String text) {
    return tlv(tag, latin1(text));
  }

  /** An extension: identifier, critical when {@code critical}, then {@code value} in an OCTET STRING. */
  static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical ? sequence(oid(oid), hex("0101ff"), octetString(value)) : sequence(oid(oid), octetString(value));
  }
}
