package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Wraps the DER of the two older private key forms Go's {@code tls.X509KeyPair} reads in PKCS#8, the one form the
 * JDK's {@code KeyFactory} reads: PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}, whose named
 * curve it takes from the key's own parameters, as Go does). No check of the key itself: the JDK's key factory
 * makes it when it reads the result.
 */
final class Pkcs8 {
  private static final int INTEGER = 0x02;
  private static final int OCTET_STRING = 0x04;
  private static final int SEQUENCE = 0x30;
  private static final int CURVE_PARAMETERS = 0xa0;
  private static final byte[] VERSION_0 = {INTEGER, 1, 0};
  /** AlgorithmIdentifier {rsaEncryption, NULL}. */
  private static final byte[] RSA = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
      0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
  /** The OID id-ecPublicKey. */
  private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

  private Pkcs8() {}

  /** Wraps a PKCS#1 {@code RSAPrivateKey}. */
  static byte[] fromPkcs1(byte[] rsaPrivateKey) {
    return wrap(RSA, rsaPrivateKey);
  }

  /** Wraps a SEC1 {@code ECPrivateKey}; empty when it is not DER or names no curve. */
  static Optional<byte[]> fromSec1(byte[] ecPrivateKey) {
    try {
      int at = contentStart(ecPrivateKey, 0);
      while (at < ecPrivateKey.length) {
        int end = contentStart(ecPrivateKey, at) + contentLength(ecPrivateKey, at);
        if ((ecPrivateKey[at] & 0xff) == CURVE_PARAMETERS) {
          int curve = contentStart(ecPrivateKey, at);
          byte[] algorithm = tlv(SEQUENCE, EC_PUBLIC_KEY, Arrays.copyOfRange(ecPrivateKey, curve, end));
          return Optional.of(wrap(algorithm, ecPrivateKey));
        }
        at = end;
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      // not DER: no curve to find
    }
    return Optional.empty();
  }

  private static byte[] wrap(byte[] algorithm, byte[] key) {
    return tlv(SEQUENCE, VERSION_0, algorithm, tlv(OCTET_STRING, key));
  }

  private static int contentStart(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
  }

  private static int contentLength(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = length << 8 | der[at + 2 + i] & 0xff;
    }
    return length;
  }

  /** A DER element of tag {@code tag} holding {@code parts}, its length in the shortest form. */
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
}
