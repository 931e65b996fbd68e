package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.protocol.Reply;

/**
 * The framer's signal that a line exceeded the fake's own limit (real Faktory has none). The connection answers
 * it in turn, after the replies to every earlier line, with {@link #reply()} and closes.
 *
 * @param maxLineLength the limit that was exceeded, in bytes without the line terminator
 */
record LineTooLong(int maxLineLength) {

  /** Returns the error the fake sends before closing the connection. */
  Reply reply() {
    return Reply.err("line length: more than " + maxLineLength + " bytes (expected: <= " + maxLineLength + ")");
  }
}
