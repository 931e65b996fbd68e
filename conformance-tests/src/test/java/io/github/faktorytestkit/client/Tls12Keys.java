package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.TlsCrypto.concat;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A side's TLS 1.2 write keys of a session of {@code suite}: its MAC key (CBC), its key, its IV (the implicit nonce of
 * AES-GCM, the nonce mask of ChaCha20-Poly1305); they seal and open records as RFC 5246, 5288 and 7905 do.
 */
record Tls12Keys(Tls12Suite suite, byte[] macKey, byte[] key, byte[] iv) {
  private static final int TAG = 16;
  private static final int EXPLICIT_NONCE = 8;
  private static final int BLOCK = 16;
  private static final int SHA1 = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How a suite seals a record's plaintext. */
  enum Sealing {
    AES_GCM,
    CHACHA20_POLY1305,
    AES_CBC;

    /** The length of a record's body sealing {@code plaintext} bytes. */
    int sealedLength(int plaintext) {
      return switch (this) {
        case AES_GCM -> EXPLICIT_NONCE + plaintext + TAG;
        case CHACHA20_POLY1305 -> plaintext + TAG;
        case AES_CBC -> BLOCK + (plaintext + SHA1) / BLOCK * BLOCK + BLOCK;
      };
    }

    /**
     * A body length Go refuses unopened as too short: one byte short of an AEAD's nonce and tag; for CBC, two blocks
     * (its IV and one), short of a MAC and padding.
     */
    int tooShort() {
      return this == AES_CBC ? 2 * BLOCK : sealedLength(0) - 1;
    }
  }

  /** {@code plaintext} sealed as the record of sequence number 0, of content type {@code type}. */
  byte[] seal(int type, byte[] plaintext) {
    byte[] header = header(type, plaintext.length);
    byte[] aad = concat(new byte[8], header); // sequence number 0
    byte[] body = switch (suite.sealing()) {
      case AES_GCM -> concat(new byte[EXPLICIT_NONCE], aead(Cipher.ENCRYPT_MODE, 0, aad, plaintext, null));
      case CHACHA20_POLY1305 -> aead(Cipher.ENCRYPT_MODE, 0, aad, plaintext, null);
      case AES_CBC -> sealCbc(aad, plaintext);
    };
    return concat(header(type, body.length), body);
  }

  /** The plaintext of {@code record} (header and body), sealed as the record of {@code sequence}. */
  byte[] open(long sequence, byte[] record) {
    int overhead = suite.sealing().sealedLength(0);
    byte[] body = Arrays.copyOfRange(record, 5, record.length);
    return switch (suite.sealing()) {
      case AES_GCM -> aead(Cipher.DECRYPT_MODE, sequence, aad(sequence, record, body.length - overhead),
          Arrays.copyOfRange(body, EXPLICIT_NONCE, body.length), Arrays.copyOf(body, EXPLICIT_NONCE));
      case CHACHA20_POLY1305 -> aead(Cipher.DECRYPT_MODE, sequence, aad(sequence, record, body.length - overhead),
          body, null);
      case AES_CBC -> openCbc(body);
    };
  }

  /** A record's header of {@code type} and {@code length}. */
  private static byte[] header(int type, int length) {
    return ByteBuffer.allocate(5).put((byte) type).putShort((short) 0x0303).putShort((short) length).array();
  }

  private static byte[] aad(long sequence, byte[] record, int length) {
    return ByteBuffer.allocate(13).putLong(sequence).put(record, 0, 3).putShort((short) length).array();
  }

  /** AES-GCM (of the explicit nonce {@code explicit}, 0s when null) or ChaCha20-Poly1305 of {@code input}. */
  private byte[] aead(int mode, long sequence, byte[] aad, byte[] input, byte[] explicit) {
    try {
      Cipher cipher;
      if (suite.sealing() == Sealing.AES_GCM) {
        byte[] nonce = concat(iv, explicit == null ? new byte[EXPLICIT_NONCE] : explicit);
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG, nonce));
      } else {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
          nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
        cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
      }
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(suite + ": " + e.getMessage(), e);
    }
  }

  /** MAC, then padding, then AES-CBC under a random explicit IV, as TLS 1.2's CBC suites seal. */
  private byte[] sealCbc(byte[] macData, byte[] plaintext) {
    try {
      Mac sha1 = Mac.getInstance("HmacSHA1");
      sha1.init(new SecretKeySpec(macKey, "HmacSHA1"));
      sha1.update(macData);
      byte[] content = concat(plaintext, sha1.doFinal(plaintext));
      int padding = (BLOCK - (content.length + 1) % BLOCK) % BLOCK;
      byte[] padded = Arrays.copyOf(content, content.length + padding + 1);
      Arrays.fill(padded, content.length, padded.length, (byte) padding);
      byte[] explicitIv = new byte[BLOCK];
      RANDOM.nextBytes(explicitIv);
      return concat(explicitIv, cbc(Cipher.ENCRYPT_MODE, explicitIv, padded));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(suite + ": " + e.getMessage(), e);
    }
  }

  /** The plaintext of a CBC record's {@code body}, its padding and MAC taken off (not checked). */
  private byte[] openCbc(byte[] body) {
    byte[] padded = cbc(Cipher.DECRYPT_MODE, Arrays.copyOf(body, BLOCK), Arrays.copyOfRange(body, BLOCK, body.length));
    return Arrays.copyOf(padded, padded.length - (padded[padded.length - 1] & 0xff) - 1 - SHA1);
  }

  private byte[] cbc(int mode, byte[] explicitIv, byte[] input) {
    try {
      Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
      cbc.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(explicitIv));
      return cbc.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(suite + ": " + e.getMessage(), e);
    }
  }
}
