package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.protocol.CommandLine;
import java.time.Instant;
import java.util.Objects;

/**
 * One line a client sent to a fake server, as it arrived and before it was answered: what interceptors see and
 * what {@link FakeFaktory#awaitReceived(String)} returns.
 *
 * <p>{@code (connectionIndex, exchangeIndex)} identifies the command within its server: the connection's index in
 * accept order and the line's index on that connection, both counted from 0.
 *
 * @param connectionIndex the index of the connection in accept order, from 0
 * @param exchangeIndex the index of this line on its connection, from 0 (the HELLO is usually 0)
 * <p>The line is text as the server sees it, losslessly: valid UTF-8 decoded as usual, and each byte that is not
 * valid UTF-8 (as Go walks it) kept as the lone surrogate {@code U+DC00} plus the byte, e.g. {@code FOO\uDCFF} for
 * the bytes {@code FOO 0xFF} (Python's "surrogateescape"). Real Faktory keeps a line's raw bytes and echoes them in
 * error replies, which the fake does from this form. {@link #lineBytes()} returns the exact bytes.
 *
 * @param line the line without its terminator, invalid bytes as escaped bytes (see above)
 * @param receivedAt when the line arrived, on the fake's clock
 */
public record ReceivedCommand(int connectionIndex, int exchangeIndex, String line, Instant receivedAt) {

  /** Creates the value; {@code line} and {@code receivedAt} must not be null. */
  public ReceivedCommand {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Returns the verb: the text before the first space, or the whole line, as the server dispatches it
   * (case-sensitive; the empty string for an empty line).
   */
  public String verb() {
    return CommandLine.verbOf(line);
  }

  /** Returns the line's bytes exactly as the client sent them, without the terminator. */
  public byte[] lineBytes() {
    return GoUtf8.encode(line);
  }

  @Override
  public String toString() {
    return "#" + connectionIndex + "." + exchangeIndex + " " + line;
  }
}
