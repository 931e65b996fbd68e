package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.ALERT;
import static io.github.faktorytestkit.fake.transport.GoRecords.CHANGE_CIPHER_SPEC;
import static io.github.faktorytestkit.fake.transport.GoRecords.HANDSHAKE;


/**
 * Reads what a client sends after the server's HelloRetryRequest, up to the end of its next handshake message, as
 * Go's {@code tls.Conn} reads it once TLS 1.3 is chosen ({@code readRecordOrCCS}, {@code readHandshake}), and judges
 * that message as Go does ({@link GoHelloChecks#judgeRetried}); BouncyCastle's TLS protocol gets only what Go goes on
 * with.
 *
 * <p>Records: an SSLv2 hello or a version other than TLS 1.2's gets {@code protocol_version}, a record over
 * 16,640 bytes or a body over 16,384 {@code record_overflow}; application data, a record of an unknown type, an
 * empty handshake record, a malformed alert, or a record other than a handshake one inside a handshake message
 * {@code unexpected_message}; a change_cipher_spec record other than the byte 1 {@code decode_error}. A
 * change_cipher_spec record or a {@code user_canceled} alert is dropped (up to Go's 16 in a row, then
 * {@code unexpected_message}); any other alert closes without a byte. A handshake message longer than 64 KiB
 * (a certificate: 256 KiB) gets {@code internal_error}. Alerts are written with TLS 1.2's record version, unencrypted.
 */
final class GoRetriedHello extends GoRecordReader {
  private static final int MAX_CIPHERTEXT = 16384 + 256;
  private static final int USER_CANCELED = 90;

  private final GoHelloChecks checks;
  private final ClientHelloMessage first;
  private final int group;

  /** Reads after the HelloRetryRequest asking {@code first}'s client for a key share of {@code group}. */
  GoRetriedHello(GoHelloChecks checks, ClientHelloMessage first, int group) {
    super(MAX_CIPHERTEXT);
    this.checks = checks;
    this.first = first;
    this.group = group;
  }

  @Override
  GoReadOutcome record(int type, byte[] body) {
    if (type == HANDSHAKE && body.length > 0) {
      advanced();
    }
    if (type != HANDSHAKE && pendingHandshake().length > 0) {
      return GoReadOutcome.refuse(GoAlert.UNEXPECTED_MESSAGE);
    }
    return switch (type) {
      case ALERT -> alert(body);
      case CHANGE_CIPHER_SPEC -> body.length == 1 && body[0] == 1 ? useless()
          : GoReadOutcome.refuse(GoAlert.DECODE_ERROR);
      case HANDSHAKE -> body.length == 0 ? GoReadOutcome.refuse(GoAlert.UNEXPECTED_MESSAGE)
          : handshake(body, this::judged);
      default -> GoReadOutcome.refuse(GoAlert.UNEXPECTED_MESSAGE);
    };
  }

  private GoReadOutcome alert(byte[] body) {
    if (body.length != 2) {
      return GoReadOutcome.refuse(GoAlert.UNEXPECTED_MESSAGE);
    }
    return (body[1] & 0xff) == USER_CANCELED ? useless() : GoReadOutcome.SILENT_CLOSE;
  }

  private GoReadOutcome judged(byte[] message) {
    GoHelloChecks.Verdict verdict = checks.judgeRetried(message, first, group);
    if (verdict.refused()) {
      return new GoReadOutcome(verdict.alert(), null);
    }
    return new GoReadOutcome(null, GoRecords.handshakeRecords(concat(message, pendingHandshake()), TLS12));
  }
}
