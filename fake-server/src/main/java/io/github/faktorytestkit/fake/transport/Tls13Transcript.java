package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayOutputStream;

/**
 * The handshake messages of one TLS 1.3 handshake, as its transcript hash takes them (RFC 8446, 4.4.1): those the
 * client and the server sent, in order; after a HelloRetryRequest the first client hello is replaced by a
 * {@code message_hash} message holding its hash.
 */
final class Tls13Transcript {
  private static final int MESSAGE_HASH = 254;

  private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

  /** Takes in handshake bytes (whole messages, or a part of one and the rest next) sent or received. */
  void add(byte[] bytes, int offset, int length) {
    messages.write(bytes, offset, length);
  }

  /** Replaces what was taken in (the first client hello) by its {@code message_hash}, before a HelloRetryRequest. */
  void retry(Tls13KeySchedule schedule) {
    byte[] hash = schedule.hash(messages.toByteArray(), 0);
    messages.reset();
    messages.writeBytes(new byte[] {(byte) MESSAGE_HASH, 0, 0, (byte) hash.length});
    messages.writeBytes(hash);
  }

  /** The transcript's hash, of all but its last {@code cut} bytes. */
  byte[] hash(Tls13KeySchedule schedule, int cut) {
    return schedule.hash(messages.toByteArray(), cut);
  }

  /** The transcript's hash with {@code message} after it. */
  byte[] hashWith(Tls13KeySchedule schedule, byte[] message) {
    byte[] bytes = messages.toByteArray();
    return schedule.hash(GoRecordReader.concat(bytes, message), 0);
  }
}
