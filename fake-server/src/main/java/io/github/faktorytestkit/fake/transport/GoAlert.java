package io.github.faktorytestkit.fake.transport;

/** The TLS alerts Go's server sends in the fake's hands, and their bytes as Go writes them (unencrypted). */
final class GoAlert {
  static final int UNEXPECTED_MESSAGE = 10;
  static final int BAD_RECORD_MAC = 20;
  static final int RECORD_OVERFLOW = 22;
  static final int HANDSHAKE_FAILURE = 40;
  static final int ILLEGAL_PARAMETER = 47;
  static final int DECODE_ERROR = 50;
  static final int PROTOCOL_VERSION = 70;
  static final int INTERNAL_ERROR = 80;
  static final int INAPPROPRIATE_FALLBACK = 86;
  static final int MISSING_EXTENSION = 109;
  static final int UNSUPPORTED_EXTENSION = 110;

  private static final byte ALERT_RECORD = 21;
  private static final byte FATAL = 2;

  private GoAlert() {}

  /** A fatal alert record of {@code recordVersion} (TLS 1.0 until the version is chosen, then TLS 1.2). */
  static byte[] fatal(int recordVersion, int description) {
    return new byte[] {ALERT_RECORD, (byte) (recordVersion >> 8), (byte) recordVersion, 0, 2, FATAL,
        (byte) description};
  }
}
