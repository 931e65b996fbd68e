package io.github.faktorytestkit.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether a TLS 1.3 server hello (of TLS_AES_128_GCM_SHA256, so SHA-256) accepts the encrypted client hello of the
 * client hello it answers (RFC 9849, 7.2): the last 8 bytes of its random are {@code HKDF-Expand-Label(
 * HKDF-Extract(0, client random), "ech accept confirmation", transcript, 8)}, the transcript being the client hello
 * and the server hello with those 8 bytes zeroed.
 */
final class EchAcceptance {
  private static final String HMAC = "HmacSHA256";
  private static final int HASH_LENGTH = 32;
  private static final int RANDOM_OFFSET = 4 + 2;
  private static final int RANDOM_LENGTH = 32;
  private static final int CONFIRMATION_LENGTH = 8;
  private static final int CONFIRMATION_OFFSET = RANDOM_OFFSET + RANDOM_LENGTH - CONFIRMATION_LENGTH;
  private static final int RECORD_HEADER = 5;
  private static final int MESSAGE_HASH = 254;
  private static final byte[] LABEL = "tls13 ech accept confirmation".getBytes(StandardCharsets.US_ASCII);

  private EchAcceptance() {}

  /**
   * Whether {@code serverHelloRecord} (the server's first record, holding its server hello) confirms ECH for
   * {@code clientHello} (the message, from its type byte on).
   */
  static boolean confirmed(byte[] clientHello, byte[] serverHelloRecord) {
    return confirmed(new byte[0], clientHello, serverHelloRecord);
  }

  /**
   * Whether {@code serverHelloRecord} confirms ECH for {@code secondHello}, sent after {@code firstHello} got
   * {@code retryRecord} (a HelloRetryRequest in its record): the transcript begins with the first hello's hash as a
   * message_hash message (RFC 8446, 4.4.1), then the HelloRetryRequest.
   */
  static boolean confirmedAfterRetry(byte[] firstHello, byte[] retryRecord, byte[] secondHello,
      byte[] serverHelloRecord) {
    byte[] hash = sha256().digest(firstHello);
    ByteBuffer prefix = ByteBuffer.allocate(4 + hash.length + retryRecord.length - RECORD_HEADER);
    prefix.put(new byte[] {(byte) MESSAGE_HASH, 0, 0, (byte) hash.length}).put(hash)
        .put(retryRecord, RECORD_HEADER, retryRecord.length - RECORD_HEADER);
    return confirmed(prefix.array(), secondHello, serverHelloRecord);
  }

  private static boolean confirmed(byte[] before, byte[] clientHello, byte[] serverHelloRecord) {
    int length = (serverHelloRecord[6] & 0xff) << 16 | (serverHelloRecord[7] & 0xff) << 8 | serverHelloRecord[8] & 0xff;
    byte[] serverHello = Arrays.copyOfRange(serverHelloRecord, RECORD_HEADER, RECORD_HEADER + 4 + length);
    byte[] sent = Arrays.copyOfRange(serverHello, CONFIRMATION_OFFSET, CONFIRMATION_OFFSET + CONFIRMATION_LENGTH);
    Arrays.fill(serverHello, CONFIRMATION_OFFSET, CONFIRMATION_OFFSET + CONFIRMATION_LENGTH, (byte) 0);
    try {
      MessageDigest transcript = sha256();
      transcript.update(before);
      transcript.update(clientHello);
      byte[] secret = hmac(new byte[HASH_LENGTH],
          Arrays.copyOfRange(clientHello, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH));
      byte[] expected = expandLabel(secret, transcript.digest(serverHello));
      return Arrays.equals(sent, expected);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** HKDF-Expand-Label (RFC 8446, 7.1) of {@link #CONFIRMATION_LENGTH} bytes: one block of HKDF-Expand. */
  private static byte[] expandLabel(byte[] secret, byte[] context) throws GeneralSecurityException {
    ByteBuffer info = ByteBuffer.allocate(2 + 1 + LABEL.length + 1 + context.length + 1);
    info.putShort((short) CONFIRMATION_LENGTH).put((byte) LABEL.length).put(LABEL).put((byte) context.length)
        .put(context).put((byte) 1);
    return Arrays.copyOf(hmac(secret, info.array()), CONFIRMATION_LENGTH);
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance(HMAC);
    mac.init(new SecretKeySpec(key, HMAC));
    return mac.doFinal(data);
  }
}
