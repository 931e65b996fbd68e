package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.ALERT;
import static io.github.faktorytestkit.fake.transport.GoRecords.CHANGE_CIPHER_SPEC;
import static io.github.faktorytestkit.fake.transport.GoRecords.HANDSHAKE;
import static io.github.faktorytestkit.fake.transport.GoRecords.HEADER;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_HANDSHAKE;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_PLAINTEXT;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_USELESS_RECORDS;
import static io.github.faktorytestkit.fake.transport.GoRecords.MESSAGE_HEADER;
import static io.github.faktorytestkit.fake.transport.GoRecords.SSL2_HELLO;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

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
final class GoRetriedHello {
  private static final int TLS12 = 0x0303;
  private static final int MAX_CIPHERTEXT = 16384 + 256;
  private static final int MAX_CERTIFICATE_MESSAGE = 262144;
  private static final int CERTIFICATE = 11;
  private static final int USER_CANCELED = 90;
  private static final byte[] SILENT_CLOSE = {};

  private final GoHelloChecks checks;
  private final ClientHelloMessage first;
  private final int group;
  private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
  private byte[] input = {};
  private int uselessRecords;

  /** Reads after the HelloRetryRequest asking {@code first}'s client for a key share of {@code group}. */
  GoRetriedHello(GoHelloChecks checks, ClientHelloMessage first, int group) {
    this.checks = checks;
    this.first = first;
    this.group = group;
  }

  /**
   * What Go does with the bytes read so far: waits for more (both null), refuses ({@code refusal}: its alert record,
   * empty for a close without a byte), or goes on ({@code passOn}: the handshake bytes in records of TLS 1.2, then
   * the bytes after the last record read).
   */
  record Outcome(byte[] refusal, byte[] passOn) {
    private static final Outcome WAITING = new Outcome(null, null);

    private static Outcome refuse(int description) {
      return new Outcome(GoAlert.fatal(TLS12, description), null);
    }

    /** Whether Go waits for more bytes. */
    boolean waiting() {
      return refusal == null && passOn == null;
    }

    /** Whether Go refuses what came. */
    boolean refused() {
      return refusal != null;
    }
  }

  /** Takes in the next bytes the client sent. */
  Outcome read(byte[] bytes) {
    input = concat(input, bytes);
    int start = 0;
    while (input.length - start >= HEADER) {
      int type = input[start] & 0xff;
      int length = (input[start + 3] & 0xff) << 8 | input[start + 4] & 0xff;
      Outcome header = header(type, (input[start + 1] & 0xff) << 8 | input[start + 2] & 0xff, length);
      if (header != null || input.length - start < HEADER + length) {
        return header != null ? header : keep(start);
      }
      Outcome record = record(type, Arrays.copyOfRange(input, start + HEADER, start + HEADER + length));
      start += HEADER + length;
      if (record != null) {
        return record.passOn == null ? record : new Outcome(null, concat(record.passOn, rest(start)));
      }
    }
    return keep(start);
  }

  /** Go's checks of a record's header, or null when Go reads its body. */
  private static Outcome header(int type, int version, int length) {
    if (type == SSL2_HELLO || version != TLS12) {
      return Outcome.refuse(GoAlert.PROTOCOL_VERSION);
    }
    return length > MAX_CIPHERTEXT ? Outcome.refuse(GoAlert.RECORD_OVERFLOW) : null;
  }

  /** Go's reading of one record's body: an outcome, or null to read the next record. */
  private Outcome record(int type, byte[] body) {
    if (body.length > MAX_PLAINTEXT) {
      return Outcome.refuse(GoAlert.RECORD_OVERFLOW);
    }
    if (type == HANDSHAKE && body.length > 0) {
      uselessRecords = 0;
    }
    if (type != HANDSHAKE && handshake.size() > 0) {
      return Outcome.refuse(GoAlert.UNEXPECTED_MESSAGE);
    }
    return switch (type) {
      case ALERT -> alert(body);
      case CHANGE_CIPHER_SPEC -> body.length == 1 && body[0] == 1 ? useless() : Outcome.refuse(GoAlert.DECODE_ERROR);
      case HANDSHAKE -> body.length == 0 ? Outcome.refuse(GoAlert.UNEXPECTED_MESSAGE) : handshake(body);
      default -> Outcome.refuse(GoAlert.UNEXPECTED_MESSAGE);
    };
  }

  private Outcome alert(byte[] body) {
    if (body.length != 2) {
      return Outcome.refuse(GoAlert.UNEXPECTED_MESSAGE);
    }
    return (body[1] & 0xff) == USER_CANCELED ? useless() : new Outcome(SILENT_CLOSE, null);
  }

  private Outcome useless() {
    return ++uselessRecords > MAX_USELESS_RECORDS ? Outcome.refuse(GoAlert.UNEXPECTED_MESSAGE) : null;
  }

  private Outcome handshake(byte[] body) {
    handshake.writeBytes(body);
    byte[] bytes = handshake.toByteArray();
    if (bytes.length < MESSAGE_HEADER) {
      return null;
    }
    int length = (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
    int limit = (bytes[0] & 0xff) == CERTIFICATE ? MAX_CERTIFICATE_MESSAGE : MAX_HANDSHAKE;
    if (length > limit) {
      return Outcome.refuse(GoAlert.INTERNAL_ERROR);
    }
    if (bytes.length < MESSAGE_HEADER + length) {
      return null;
    }
    GoHelloChecks.Verdict verdict = checks.judgeRetried(Arrays.copyOf(bytes, MESSAGE_HEADER + length), first, group);
    if (verdict.refused()) {
      return new Outcome(verdict.alert(), null);
    }
    return new Outcome(null, GoRecords.handshakeRecords(bytes, TLS12));
  }

  private Outcome keep(int start) {
    input = rest(start);
    return Outcome.WAITING;
  }

  private byte[] rest(int start) {
    return Arrays.copyOfRange(input, start, input.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
