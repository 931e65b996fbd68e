package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Escaping;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One command a fake server received and how it answered, as kept in its journal ({@link FakeFaktory#takeCommand()}).
 *
 * <p>The answer is what the connection actually did, after the interceptor and faults: a command whose session
 * failed is recorded as a close without reply, since the connection closes. Immutable.
 */
public final class RecordedCommand {
  private final ReceivedCommand received;
  private final Outcome outcome;

  RecordedCommand(ReceivedCommand received, Outcome outcome) {
    this.received = Objects.requireNonNull(received, "received");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /** Returns the command as it arrived. */
  public ReceivedCommand received() {
    return received;
  }

  /** Returns what the connection did in answer. */
  Outcome outcome() {
    return outcome;
  }

  /** Returns the index of the connection in accept order, from 0. */
  public int connectionIndex() {
    return received.connectionIndex();
  }

  /** Returns the index of this command on its connection, from 0. */
  public int exchangeIndex() {
    return received.exchangeIndex();
  }

  /**
   * Returns the line without its terminator; a byte that is not valid UTF-8 is the lone surrogate {@code U+DC00}
   * plus the byte (see {@link ReceivedCommand}).
   */
  public String line() {
    return received.line();
  }

  /** Returns the line's bytes exactly as the client sent them, without the terminator. */
  public byte[] lineBytes() {
    return received.lineBytes();
  }

  /** Returns the verb, the text before the first space (see {@link ReceivedCommand#verb()}). */
  public String verb() {
    return received.verb();
  }

  /** Returns when the line arrived, on the fake's clock. */
  public Instant receivedAt() {
    return received.receivedAt();
  }

  /**
   * Returns the reply answering the command: the first one sent, or empty when the server sent none (a close, or
   * raw bytes from a fault). A reply echoing the line's invalid bytes holds them as the line does (lone surrogates
   * {@code U+DC80..U+DCFF}); the server sent the bytes themselves, where {@link Reply#toWire()} would write {@code ?}.
   */
  public Optional<Reply> reply() {
    return replies().stream().findFirst();
  }

  /** Returns every reply sent in answer, in order: usually one, two when the server refuses a connection. */
  public List<Reply> replies() {
    return outcome.replies();
  }

  /** Returns the raw bytes sent instead of a reply (a fault, or an error text holding a line break), if any. */
  public Optional<byte[]> rawBytes() {
    return outcome instanceof Outcome.SendRaw raw ? Optional.of(raw.bytes()) : Optional.empty();
  }

  /** Returns whether the server closed the connection after this command. */
  public boolean closedConnection() {
    return outcome.closes();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedCommand that && received.equals(that.received) && outcome.equals(that.outcome);
  }

  @Override
  public int hashCode() {
    return Objects.hash(received, outcome);
  }

  @Override
  public String toString() {
    String answer = rawBytes().map(bytes -> "raw " + Escaping.escape(bytes))
        .orElseGet(() -> replies().stream().map(Reply::escaped).collect(Collectors.joining(" ")));
    return received + " -> " + answer + (closedConnection() ? " (closed)" : "");
  }
}
