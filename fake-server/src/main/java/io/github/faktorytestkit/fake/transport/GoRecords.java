package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;

/**
 * What Go's {@code tls.Conn} record layer and its fake readers ({@link GoClientHello} before the first hello,
 * {@link GoRetriedHello} after a HelloRetryRequest) share: the record and message headers, the content types, the
 * limits, and the re-framing of the handshake bytes Go went on with into records for BouncyCastle's protocol.
 */
final class GoRecords {
  static final int HEADER = 5;
  /** The first byte of an SSLv2 hello's header, which Go answers with {@code protocol_version}. */
  static final int SSL2_HELLO = 0x80;
  static final int CHANGE_CIPHER_SPEC = 20;
  static final int ALERT = 21;
  static final int HANDSHAKE = 22;
  static final int MAX_PLAINTEXT = 16384;
  static final int MESSAGE_HEADER = 4;
  /** The longest handshake message Go reads (but a certificate after the first hello). */
  static final int MAX_HANDSHAKE = 65536;
  /** How many records in a row Go drops (warning alerts, change_cipher_spec) before {@code unexpected_message}. */
  static final int MAX_USELESS_RECORDS = 16;

  private GoRecords() {}

  /** The header of a record of {@code type} and TLS 1.2's version whose body is {@code length} bytes. */
  static byte[] header(int type, int length) {
    return new byte[] {(byte) type, 3, 3, (byte) (length >> 8), (byte) length};
  }

  /** {@code handshake} (handshake messages' bytes) in handshake records of {@code version}, each of at most 16 KiB. */
  static byte[] handshakeRecords(byte[] handshake, int version) {
    ByteArrayOutputStream records = new ByteArrayOutputStream(handshake.length + HEADER * 5);
    for (int start = 0; start < handshake.length; start += MAX_PLAINTEXT) {
      int length = Math.min(MAX_PLAINTEXT, handshake.length - start);
      records.write(HANDSHAKE);
      records.write(version >> 8);
      records.write(version & 0xff);
      records.write(length >> 8);
      records.write(length & 0xff);
      records.write(handshake, start, length);
    }
    return records.toByteArray();
  }
}
