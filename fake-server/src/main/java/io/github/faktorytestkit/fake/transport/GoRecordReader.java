package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.HEADER;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_HANDSHAKE;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_PLAINTEXT;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_USELESS_RECORDS;
import static io.github.faktorytestkit.fake.transport.GoRecords.MESSAGE_HEADER;
import static io.github.faktorytestkit.fake.transport.GoRecords.SSL2_HELLO;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Go's {@code readRecordOrCCS} once the version is known, for the fake's readers of part of a handshake: each
 * record's header is checked as soon as it came (an SSLv2 hello or a version other than TLS 1.2's:
 * {@code protocol_version}; a length over the version's limit: {@code record_overflow}), its body once all of it
 * came (over 16,384 bytes, unless sealed: {@code record_overflow}), then handed to {@link #record}. Counts the records
 * Go drops (up to 16 in a row, then {@code unexpected_message}) and collects the handshake messages.
 */
abstract class GoRecordReader implements GoReadOutcome.Reader {
  static final int TLS12 = 0x0303;
  private static final int MAX_CERTIFICATE_MESSAGE = 262144;
  private static final int CERTIFICATE = 11;

  private final int maxCiphertext;
  private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
  private byte[] input = {};
  private int uselessRecords;

  /** {@code maxCiphertext}: the longest record body Go takes at the version chosen. */
  GoRecordReader(int maxCiphertext) {
    this.maxCiphertext = maxCiphertext;
  }

  @Override
  public final GoReadOutcome read(byte[] bytes) {
    input = concat(input, bytes);
    int start = 0;
    while (input.length - start >= HEADER) {
      int type = input[start] & 0xff;
      int length = (input[start + 3] & 0xff) << 8 | input[start + 4] & 0xff;
      GoReadOutcome header = header(type, (input[start + 1] & 0xff) << 8 | input[start + 2] & 0xff, length);
      if (header != null || input.length - start < HEADER + length) {
        return header != null ? header : keep(start);
      }
      GoReadOutcome record = body(type, Arrays.copyOfRange(input, start + HEADER, start + HEADER + length));
      start += HEADER + length;
      if (record != null) {
        return record.passOn() == null ? record : new GoReadOutcome(null, concat(record.passOn(), rest(start)));
      }
    }
    return keep(start);
  }

  /**
   * Go's reading of one record's body, of at most 16,384 bytes: an outcome (what it passes on is followed by the
   * bytes after the record), or null to read the next record.
   */
  abstract GoReadOutcome record(int type, byte[] body);

  /** A record Go drops: null to read the next, or {@code unexpected_message} after 16 in a row. */
  final GoReadOutcome useless() {
    return ++uselessRecords > MAX_USELESS_RECORDS ? refusal(GoAlert.UNEXPECTED_MESSAGE) : null;
  }

  /** A record that moves the handshake on: the count of those dropped starts again. */
  final void advanced() {
    uselessRecords = 0;
  }

  /**
   * Go's {@code readHandshake}: adds {@code body}, a handshake record's, to the handshake bytes read, and once all of
   * their first message came, takes it out of them and returns {@code judge}'s outcome of it; null while Go waits
   * for more, {@code internal_error} for a length over Go's limit for its type (64 KiB, a certificate 256 KiB).
   */
  final GoReadOutcome handshake(byte[] body, Function<byte[], GoReadOutcome> judge) {
    handshake.writeBytes(body);
    byte[] bytes = handshake.toByteArray();
    int length = firstMessage(bytes);
    if (length <= 0) {
      return length < 0 ? refusal(GoAlert.INTERNAL_ERROR) : null;
    }
    handshake.reset();
    handshake.write(bytes, length, bytes.length - length);
    return judge.apply(Arrays.copyOf(bytes, length));
  }

  /** The handshake bytes read after the last message judged. */
  final byte[] pendingHandshake() {
    return handshake.toByteArray();
  }

  /** The length of the first message of {@code handshake} once all of it came, 0 before, -1 over Go's limit. */
  private static int firstMessage(byte[] handshake) {
    if (handshake.length < MESSAGE_HEADER) {
      return 0;
    }
    int length = (handshake[1] & 0xff) << 16 | (handshake[2] & 0xff) << 8 | handshake[3] & 0xff;
    int limit = (handshake[0] & 0xff) == CERTIFICATE ? MAX_CERTIFICATE_MESSAGE : MAX_HANDSHAKE;
    if (length > limit) {
      return -1;
    }
    return handshake.length < MESSAGE_HEADER + length ? 0 : MESSAGE_HEADER + length;
  }

  private GoReadOutcome header(int type, int version, int length) {
    if (type == SSL2_HELLO || version != TLS12) {
      return refusal(GoAlert.PROTOCOL_VERSION);
    }
    return length > maxCiphertext ? refusal(GoAlert.RECORD_OVERFLOW) : null;
  }

  /**
   * Go's fatal alert of {@code description}: unencrypted, in a record of TLS 1.2, until the server's keys are in
   * place (TLS 1.3's, after its flight: {@link GoReadOutcome#refuseSealed}).
   */
  GoReadOutcome refusal(int description) {
    return GoReadOutcome.refuse(description);
  }

  /** Whether the next record is sealed, its plaintext's length unknown before BouncyCastle decrypts it. */
  boolean sealed() {
    return false;
  }

  private GoReadOutcome body(int type, byte[] body) {
    return body.length > MAX_PLAINTEXT && !sealed() ? refusal(GoAlert.RECORD_OVERFLOW)
        : record(type, body);
  }

  private GoReadOutcome keep(int start) {
    input = rest(start);
    return GoReadOutcome.WAITING;
  }

  private byte[] rest(int start) {
    return Arrays.copyOfRange(input, start, input.length);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
