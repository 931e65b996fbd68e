package io.github.faktorytestkit.replay;

/** How a replay compares what a client sends with what the recorded client sent. */
public enum Matching {
  /**
   * The line must be the recorded line exactly, placeholders holding their recorded values: for replaying the
   * very client that was recorded, with its values fixed. (The fake's transport hands the replay each line without
   * its terminator, so CRLF and LF are not told apart; invalid UTF-8 bytes are kept and compared exactly.)
   */
  STRICT,
  /**
   * JSON is compared as values (object keys in any order, numbers by value), other text literally; each
   * placeholder binds to the client's value on first sight and must hold it where it comes back (a pushed jid in
   * the ACK), and the recorded replies are rewritten with the bound values.
   */
  LENIENT
}
