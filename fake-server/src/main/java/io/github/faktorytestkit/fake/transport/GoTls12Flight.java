package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.ALERT;
import static io.github.faktorytestkit.fake.transport.GoRecords.CHANGE_CIPHER_SPEC;
import static io.github.faktorytestkit.fake.transport.GoRecords.HANDSHAKE;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_PLAINTEXT;

import java.util.Arrays;

/**
 * Reads what a TLS 1.2 client sends after the server's flight, up to the first record after the client's
 * change_cipher_spec, as Go's server reads it ({@code readRecordOrCCS}, {@code readHandshake},
 * {@code readChangeCipherSpec}): after the ServerHelloDone of a full handshake ({@code doFullHandshake}: a
 * ClientKeyExchange, judged as Go does, then the change_cipher_spec), or after the Finished of a resumption
 * ({@code doResumeHandshake}, {@code readFinished}: the change_cipher_spec first, Go's alerts sealed with the
 * server's keys). BouncyCastle's TLS protocol gets only what Go goes on with.
 *
 * <p>Records ({@link GoRecordReader}, a body of up to 18,432 bytes): application data, a record of an unknown type,
 * an empty handshake record, a malformed alert, a handshake record after the key exchange (of a resumption: any), a
 * change_cipher_spec record before it or inside a handshake message {@code unexpected_message}; a change_cipher_spec
 * record other than the byte 1 {@code decode_error}. A warning alert is dropped, a fatal one or {@code close_notify}
 * closes without a byte, one of another level gets {@code unexpected_message}. The first message must be a
 * ClientKeyExchange (another type: {@code decode_error} where Go's parser of that type refuses it, else
 * {@code unexpected_message}) whose point Go's {@code ecdh} takes for the group chosen, after its length byte
 * ({@code illegal_parameter}). The record after the change_cipher_spec Go decrypts whatever its type, the type being
 * part of what the seal authenticates: too short to hold an AEAD suite's nonce and tag, or of a CBC suite's length Go
 * refuses ({@link #refusesLength}), it gets {@code bad_record_mac}; one of a type other than alert, handshake and
 * application data (which BouncyCastle refuses unopened) is opened here ({@link ClientRecordOpener}) and answered as
 * Go answers what it holds: nothing ({@code bad_record_mac}) where it does not open, else {@code record_overflow} over
 * 16,384 bytes, a change_cipher_spec that is not the byte 1 {@code decode_error}, any other {@code unexpected_message}.
 */
final class GoTls12Flight extends GoRecordReader {
  private static final int MAX_CIPHERTEXT = 16384 + 2048;
  private static final int CLIENT_KEY_EXCHANGE = 16;
  private static final int AEAD_NONCE = 8;
  private static final int TAG = 16;
  private static final int AES_BLOCK = 16;
  private static final int SHA1 = 20;
  private static final int APPLICATION_DATA = 23;
  private static final int WARNING = 1;
  private static final int FATAL = 2;
  private static final int CLOSE_NOTIFY = 0;
  private static final byte[] CHANGE_CIPHER_SPEC_RECORD = {CHANGE_CIPHER_SPEC, 3, 3, 0, 1, 1};

  private final int group;
  private final int suite;
  private final ClientRecordOpener opener;
  private final boolean resumed;
  private byte[] keyExchange;
  private boolean changedCipherSpec;

  private GoTls12Flight(int group, int suite, ClientRecordOpener opener, boolean resumed) {
    super(MAX_CIPHERTEXT);
    this.group = group;
    this.suite = suite;
    this.opener = opener;
    this.resumed = resumed;
  }

  /**
   * Reads after the flight of a full handshake's server that chose the key exchange {@code group} and the cipher
   * suite {@code suite}, whose sealed record lengths Go refuses unopened ({@link #refusesLength}); {@code opener} opens
   * a record of another type.
   */
  static GoTls12Flight full(int group, int suite, ClientRecordOpener opener) {
    return new GoTls12Flight(group, suite, opener, false);
  }

  /** Reads after the flight of a resumption's server, as {@link #full} but for the key exchange, which is none. */
  static GoTls12Flight resumed(int suite, ClientRecordOpener opener) {
    return new GoTls12Flight(-1, suite, opener, true);
  }

  /**
   * Whether Go's {@code halfConn.decrypt} refuses a sealed body of {@code length} bytes of {@code suite} unopened, as
   * it does (with {@code bad_record_mac}) one too short for an AEAD's explicit nonce (AES-GCM's 8 bytes) and tag (16),
   * or, of a CBC suite with HMAC-SHA1 (those Go enables), one that is no whole number of AES blocks or shorter than its
   * explicit IV and the blocks a MAC and a padding byte take ({@code explicitNonceLen + roundUp(macSize + 1,
   * blockSize)}); BouncyCastle would refuse the CBC ones with other alerts.
   */
  static boolean refusesLength(int suite, int length) {
    return switch (suite) {
      case 0xc02b, 0xc02c, 0xc02f, 0xc030 -> length < AEAD_NONCE + TAG;
      case 0xcca8, 0xcca9 -> length < TAG;
      case 0xc009, 0xc00a, 0xc013, 0xc014 -> length % AES_BLOCK != 0
          || length < AES_BLOCK + (SHA1 + 1 + AES_BLOCK - 1) / AES_BLOCK * AES_BLOCK;
      default -> false;
    };
  }

  /** Whether the fake reads a client's TLS 1.2 flight after a key exchange of {@code group}: one of Go's curves. */
  static boolean readsAfter(int group) {
    return group == GoNamedGroups.X25519 || group == GoNamedGroups.P256 || group == GoNamedGroups.P384
        || group == GoNamedGroups.P521;
  }

  /** A resumption's server sent its change_cipher_spec: Go's alerts are sealed then. */
  @Override
  GoReadOutcome refusal(int description) {
    return resumed ? GoReadOutcome.refuseSealed(description) : GoReadOutcome.refuse(description);
  }

  @Override
  boolean sealed() {
    return changedCipherSpec;
  }

  @Override
  GoReadOutcome record(int type, byte[] body) {
    if (changedCipherSpec) {
      return sealed(type, body);
    }
    if (type == HANDSHAKE && body.length > 0) {
      advanced();
    }
    return switch (type) {
      case ALERT -> alert(body);
      case CHANGE_CIPHER_SPEC -> changeCipherSpec(body);
      case HANDSHAKE -> body.length == 0 || keyExchange != null || resumed ? refusal(GoAlert.UNEXPECTED_MESSAGE)
          : handshake(body, this::keyExchange);
      default -> refusal(GoAlert.UNEXPECTED_MESSAGE);
    };
  }

  private GoReadOutcome alert(byte[] body) {
    if (body.length != 2) {
      return refusal(GoAlert.UNEXPECTED_MESSAGE);
    }
    if (body[1] == CLOSE_NOTIFY || body[0] == FATAL) {
      return GoReadOutcome.SILENT_CLOSE;
    }
    return body[0] == WARNING ? useless() : refusal(GoAlert.UNEXPECTED_MESSAGE);
  }

  private GoReadOutcome changeCipherSpec(byte[] body) {
    if (body.length != 1 || body[0] != 1) {
      return refusal(GoAlert.DECODE_ERROR);
    }
    if (pendingHandshake().length > 0 || keyExchange == null && !resumed) {
      return refusal(GoAlert.UNEXPECTED_MESSAGE);
    }
    changedCipherSpec = true;
    return null;
  }

  private GoReadOutcome keyExchange(byte[] message) {
    if ((message[0] & 0xff) != CLIENT_KEY_EXCHANGE) {
      return refusal(GoHandshakeTypes.parsesOverTls12(message) ? GoAlert.UNEXPECTED_MESSAGE : GoAlert.DECODE_ERROR);
    }
    keyExchange = message;
    return takesPoint(Arrays.copyOfRange(message, GoRecords.MESSAGE_HEADER, message.length)) ? null
        : refusal(GoAlert.ILLEGAL_PARAMETER);
  }

  /** Go's {@code processClientKeyExchange} of ECDHE: a length byte, then a point Go's {@code ecdh} takes. */
  private boolean takesPoint(byte[] exchange) {
    return exchange.length > 0 && (exchange[0] & 0xff) == exchange.length - 1
        && GoKeyShares.valid(group, Arrays.copyOfRange(exchange, 1, exchange.length));
  }

  private GoReadOutcome sealed(int type, byte[] body) {
    if (refusesLength(suite, body.length)) {
      return refusal(GoAlert.BAD_RECORD_MAC);
    }
    byte[] keys = resumed ? new byte[0] : GoRecords.handshakeRecords(keyExchange, TLS12);
    byte[] before = concat(keys, CHANGE_CIPHER_SPEC_RECORD);
    if (type < ALERT || type > APPLICATION_DATA) {
      return refusal(opened(type, opener.open(before, type, body)));
    }
    return new GoReadOutcome(null, concat(before, concat(GoRecords.header(type, body.length), body)));
  }

  /** Go's alert for the plaintext of a sealed record of {@code type}, not one Go goes on with (null: not opened). */
  private static int opened(int type, byte[] plaintext) {
    if (plaintext == null) {
      return GoAlert.BAD_RECORD_MAC;
    }
    if (plaintext.length > MAX_PLAINTEXT) {
      return GoAlert.RECORD_OVERFLOW;
    }
    boolean oneByte = plaintext.length == 1 && plaintext[0] == 1;
    return type == CHANGE_CIPHER_SPEC && !oneByte ? GoAlert.DECODE_ERROR : GoAlert.UNEXPECTED_MESSAGE;
  }
}
