package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.CHANGE_CIPHER_SPEC;

/**
 * Reads what a TLS 1.3 client sends after the server's flight (up to its Finished), up to the client's first sealed
 * record, as Go's server reads it once the client's handshake keys are in place ({@code readRecordOrCCS},
 * {@code halfConn.decrypt}); BouncyCastle's TLS protocol gets that record and what follows.
 *
 * <p>Records ({@link GoRecordReader}, a body of up to 16,640 bytes): a change_cipher_spec record, which Go does not
 * decrypt, is dropped when it is the byte 1 (up to Go's 16 in a row, then {@code unexpected_message}), else gets
 * {@code decode_error}. Go decrypts any other record, the header being part of what the seal authenticates: one whose
 * type is not application data, or too short to hold a tag, gets {@code bad_record_mac} here, as Go's decryption fails
 * (but for a client that sealed it with that header: Go then answers {@code unexpected_message}). The alerts are
 * the protocol's to write, sealed with the server's keys, as Go writes them then.
 */
final class GoTls13Flight extends GoRecordReader {
  private static final int MAX_CIPHERTEXT = 16384 + 256;
  private static final int APPLICATION_DATA = 23;
  private static final int TAG = 16;

  /** Reads after the server's flight. */
  GoTls13Flight() {
    super(MAX_CIPHERTEXT);
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
    if (type != APPLICATION_DATA || body.length < TAG) {
      return refusal(GoAlert.BAD_RECORD_MAC);
    }
    byte[] record = {(byte) type, 3, 3, (byte) (body.length >> 8), (byte) body.length};
    return new GoReadOutcome(null, concat(record, body));
  }
}
