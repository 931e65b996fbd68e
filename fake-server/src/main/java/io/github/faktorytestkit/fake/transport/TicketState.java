package io.github.faktorytestkit.fake.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session a TLS 1.2 ticket of the fake holds, written as Go's {@code SessionState.Bytes} writes a server's TLS 1.2
 * session with no client certificate: version, type, cipher suite, creation time (seconds), master secret, no extra
 * data, the extended master secret flag, no early data, no certificates or chains, then the key exchange group.
 */
record TicketState(int cipherSuite, long createdAt, byte[] masterSecret, boolean extendedMasterSecret, int group) {
  /** Go's {@code maxSessionTicketLifetime}: an older session is not resumed. */
  static final Duration MAX_LIFETIME = Duration.ofDays(7);
  private static final short TLS12 = 0x0303;
  private static final byte SERVER = 1;
  private static final int FIXED = 2 + 1 + 2 + 8 + 1 + 3 + 1 + 1 + 3 + 3 + 2;

  /** The state as a ticket's plaintext. */
  byte[] bytes() {
    return ByteBuffer.allocate(FIXED + masterSecret.length).putShort(TLS12).put(SERVER).putShort((short) cipherSuite)
        .putLong(createdAt).put((byte) masterSecret.length).put(masterSecret).put(new byte[3])
        .put((byte) (extendedMasterSecret ? 1 : 0)).put((byte) 0).put(new byte[6]).putShort((short) group).array();
  }

  /** Whether Go would still resume the session at {@code now} (it is not older than {@link #MAX_LIFETIME}). */
  boolean freshAt(Instant now) {
    return now.getEpochSecond() - createdAt <= MAX_LIFETIME.toSeconds();
  }

  /** Reads a ticket's plaintext, or empty when it is not one {@link #bytes} wrote. */
  static Optional<TicketState> parse(byte[] plaintext) {
    if (plaintext.length <= FIXED || plaintext.length != FIXED + Byte.toUnsignedInt(plaintext[13])) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(plaintext);
    boolean header = buffer.getShort() == TLS12 & buffer.get() == SERVER;
    int suite = Short.toUnsignedInt(buffer.getShort());
    long createdAt = buffer.getLong();
    byte[] secret = new byte[Byte.toUnsignedInt(buffer.get())];
    buffer.get(secret);
    boolean noExtra = buffer.get() == 0 & buffer.getShort() == 0;
    int ems = buffer.get();
    boolean rest = buffer.get() == 0 & buffer.getShort() == 0 & buffer.getInt() == 0;
    int group = Short.toUnsignedInt(buffer.getShort());
    return header && noExtra && rest && (ems == 0 || ems == 1)
        ? Optional.of(new TicketState(suite, createdAt, secret, ems == 1, group))
        : Optional.empty();
  }
}
