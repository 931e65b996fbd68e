package io.github.faktorytestkit.fake.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session a ticket of the fake holds, written as Go's {@code SessionState.Bytes} writes a server's session with no
 * client certificate: version, type, cipher suite, creation time (seconds), secret (TLS 1.2: the master secret; TLS
 * 1.3: the resumption PSK), no extra data, the extended master secret flag, no early data, no certificates or chains,
 * then, over TLS 1.2 only, the key exchange group.
 */
record TicketState(int version, int cipherSuite, long createdAt, byte[] secret, boolean extendedMasterSecret,
    int group) {
  /** Go's {@code maxSessionTicketLifetime}: an older session is not resumed. */
  static final Duration MAX_LIFETIME = Duration.ofDays(7);
  static final int TLS12 = 0x0303;
  static final int TLS13 = 0x0304;
  private static final byte SERVER = 1;
  private static final int SECRET_LENGTH_AT = 2 + 1 + 2 + 8;
  /** The bytes besides the secret of a TLS 1.3 state; a TLS 1.2 one adds its group. */
  private static final int FIXED = SECRET_LENGTH_AT + 1 + 3 + 1 + 1 + 3 + 3;
  private static final int GROUP = 2;

  /** A TLS 1.2 session: its master secret, whether it has the extended master secret, its key exchange group. */
  static TicketState tls12(int cipherSuite, long createdAt, byte[] masterSecret, boolean ems, int group) {
    return new TicketState(TLS12, cipherSuite, createdAt, masterSecret, ems, group);
  }

  /** A TLS 1.3 session: the PSK that resumes it (Go's TLS 1.3 states have no group, and ems unset). */
  static TicketState tls13(int cipherSuite, long createdAt, byte[] psk) {
    return new TicketState(TLS13, cipherSuite, createdAt, psk, false, 0);
  }

  /** The state as a ticket's plaintext. */
  byte[] bytes() {
    ByteBuffer buffer = ByteBuffer.allocate(length(version, secret.length)).putShort((short) version).put(SERVER)
        .putShort((short) cipherSuite).putLong(createdAt).put((byte) secret.length).put(secret).put(new byte[3])
        .put((byte) (extendedMasterSecret ? 1 : 0)).put((byte) 0).put(new byte[6]);
    if (version == TLS12) {
      buffer.putShort((short) group);
    }
    return buffer.array();
  }

  /** Whether Go would still resume the session at {@code now} (it is not older than {@link #MAX_LIFETIME}). */
  boolean freshAt(Instant now) {
    return now.getEpochSecond() - createdAt <= MAX_LIFETIME.toSeconds();
  }

  /** Reads a ticket's plaintext, or empty when it is not one {@link #bytes} wrote. */
  static Optional<TicketState> parse(byte[] plaintext) {
    if (plaintext.length <= FIXED) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(plaintext);
    int version = Short.toUnsignedInt(buffer.getShort());
    int secretLength = Byte.toUnsignedInt(plaintext[SECRET_LENGTH_AT]);
    boolean known = version == TLS12 || version == TLS13;
    if (!known || secretLength == 0 || plaintext.length != length(version, secretLength)) {
      return Optional.empty();
    }
    boolean server = buffer.get() == SERVER;
    int suite = Short.toUnsignedInt(buffer.getShort());
    long createdAt = buffer.getLong();
    byte[] secret = new byte[Byte.toUnsignedInt(buffer.get())];
    buffer.get(secret);
    boolean noExtra = buffer.get() == 0 & buffer.getShort() == 0;
    int ems = buffer.get();
    boolean rest = buffer.get() == 0 & buffer.getShort() == 0 & buffer.getInt() == 0;
    int group = version == TLS12 ? Short.toUnsignedInt(buffer.getShort()) : 0;
    return server && noExtra && rest && (ems == 0 || ems == 1)
        ? Optional.of(new TicketState(version, suite, createdAt, secret, ems == 1, group))
        : Optional.empty();
  }

  private static int length(int version, int secretLength) {
    return FIXED + secretLength + (version == TLS12 ? GROUP : 0);
  }
}
