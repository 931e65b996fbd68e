package io.github.faktorytestkit.client;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashes, MACs and byte joining the scripted TLS clients ({@link Tls12Client}, {@link Tls13Client}) build on. */
final class TlsCrypto {
  private TlsCrypto() {}

  /** A suite's hash, of its PRF or HKDF and its transcript. */
  enum Hash {
    SHA256("SHA-256", "HmacSHA256", 32),
    SHA384("SHA-384", "HmacSHA384", 48);

    private final String digest;
    private final String mac;
    private final int length;

    Hash(String digest, String mac, int length) {
      this.digest = digest;
      this.mac = mac;
      this.length = length;
    }

    /** The hash's output length in bytes. */
    int length() {
      return length;
    }

    /** The hash of {@code bytes}. */
    byte[] digest(byte[] bytes) {
      try {
        return MessageDigest.getInstance(digest).digest(bytes);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(digest, e);
      }
    }

    /** The HMAC of {@code data} under {@code key}. */
    byte[] hmac(byte[] key, byte[] data) {
      try {
        Mac hmac = Mac.getInstance(mac);
        hmac.init(new SecretKeySpec(key, mac));
        return hmac.doFinal(data);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(mac, e);
      }
    }
  }

  /** {@code parts} one after the other. */
  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
