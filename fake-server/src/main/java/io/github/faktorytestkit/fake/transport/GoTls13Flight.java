package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.CHANGE_CIPHER_SPEC;

/**
 * Reads what a TLS 1.3 client sends after the server's flight (up to its Finished), up to the client's first sealed
 * record, as Go's server reads it once the client's handshake keys are in place ({@code readRecordOrCCS},
 * {@code halfConn.decrypt}); BouncyCastle's TLS protocol gets that record and what follows.
 *
 * <p>Records ({@link GoRecordReader}, a body of up to 16,640 bytes): a change_cipher_spec record, which Go does not
 * decrypt, is dropped when it is the byte 1 (up to Go's 16 in a row, then {@code unexpected_message}), else gets
 * {@code decode_error}. Go decrypts any other record, the header being part of what the seal authenticates: one too
 * short to hold a tag gets {@code bad_record_mac}; one whose type is not application data (which BouncyCastle refuses
 * unopened) is opened here ({@link ClientRecordOpener}): {@code unexpected_message} when it opens, as Go then refuses
 * its type, else {@code bad_record_mac}. The alerts are the protocol's to write, sealed with the server's keys, as
 * Go writes them then.
 */
final class GoTls13Flight extends GoRecordReader {
  private static final int MAX_CIPHERTEXT = 16384 + 256;
  private static final int APPLICATION_DATA = 23;
  private static final int TAG = 16;
  private static final byte[] NOTHING_BEFORE = {};

  private final ClientRecordOpener opener;

  /** Reads after the server's flight, opening a record of another type with {@code opener}. */
  GoTls13Flight(ClientRecordOpener opener) {
    super(MAX_CIPHERTEXT);
    this.opener = opener;
  }

  @Override
  GoReadOutcome refusal(int description) {
    return GoReadOutcome.refuseSealed(description);
  }

  @Override
  boolean sealed() {
    return true;
  }

  @Override
  GoReadOutcome record(int type, byte[] body) {
    if (type == CHANGE_CIPHER_SPEC) {
      return body.length == 1 && body[0] == 1 ? useless() : refusal(GoAlert.DECODE_ERROR);
    }
    if (body.length < TAG) {
      return refusal(GoAlert.BAD_RECORD_MAC);
    }
    if (type != APPLICATION_DATA) {
      boolean opens = opener.open(NOTHING_BEFORE, type, body) != null;
      return refusal(opens ? GoAlert.UNEXPECTED_MESSAGE : GoAlert.BAD_RECORD_MAC);
    }
    return new GoReadOutcome(null, concat(GoRecords.header(type, body.length), body));
  }
}
