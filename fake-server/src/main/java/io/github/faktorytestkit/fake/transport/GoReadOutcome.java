package io.github.faktorytestkit.fake.transport;

/**
 * What Go does with the bytes a client sent so far, in the hands of a reader of the fake's that reads part of a
 * handshake as Go does before BouncyCastle's protocol gets it ({@link GoRetriedHello}, {@link GoTls12Flight}): waits
 * for more (all null or -1), refuses ({@code refusal}: its alert record, empty for a close without a byte;
 * {@code sealedAlert}: the description of an alert the protocol seals, else -1), or goes on ({@code passOn}: what the
 * protocol gets, then the bytes after the last record read).
 */
record GoReadOutcome(byte[] refusal, byte[] passOn, int sealedAlert) {
  static final GoReadOutcome WAITING = new GoReadOutcome(null, null);
  static final GoReadOutcome SILENT_CLOSE = new GoReadOutcome(new byte[0], null);
  private static final int TLS12 = 0x0303;

  /** What Go does: waits ({@code refusal} and {@code passOn} null), refuses, or goes on. */
  GoReadOutcome(byte[] refusal, byte[] passOn) {
    this(refusal, passOn, -1);
  }

  /** Go's fatal alert of {@code description}, in a record of TLS 1.2, unencrypted. */
  static GoReadOutcome refuse(int description) {
    return new GoReadOutcome(GoAlert.fatal(TLS12, description), null);
  }

  /** Go's fatal alert of {@code description}, sealed with the server's keys: the protocol's to write. */
  static GoReadOutcome refuseSealed(int description) {
    return new GoReadOutcome(null, null, description);
  }

  /** Whether Go waits for more bytes. */
  boolean waiting() {
    return refusal == null && passOn == null && sealedAlert < 0;
  }

  /** Whether Go refuses what came with {@link #refusal}, written as it is (unencrypted, or nothing). */
  boolean refused() {
    return refusal != null;
  }

  /** A reader of the client's bytes as Go reads them, read by read. */
  interface Reader {
    /** Takes in the next bytes the client sent. */
    GoReadOutcome read(byte[] bytes);
  }
}
