package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
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
 * <p>The outcome is what the connection actually did, after interceptors and faults: a command whose session
 * failed is recorded with {@link Outcome#close()}, since the connection closes.
 *
 * @param received the command as it arrived
 * @param outcome what the server did in answer
 */
public record RecordedCommand(ReceivedCommand received, Outcome outcome) {

  /** Creates the value; neither argument may be null. */
  public RecordedCommand {
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Returns the index of the connection in accept order, from 0. */
  public int connectionIndex() {
    return received.connectionIndex();
  }

  /** Returns the index of this command on its connection, from 0. */
  public int exchangeIndex() {
    return received.exchangeIndex();
  }

  /** Returns the line without its terminator. */
  public String line() {
    return received.line();
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
   * raw bytes from a fault).
   */
  public Optional<Reply> reply() {
    return replies().stream().findFirst();
  }

  /** Returns every reply sent in answer, in order: usually one, two when the server refuses a connection. */
  public List<Reply> replies() {
    if (outcome instanceof Outcome.Send send) {
      return List.of(send.reply());
    }
    if (outcome instanceof Outcome.SendAndClose sendAndClose) {
      return List.of(sendAndClose.reply());
    }
    if (outcome instanceof Outcome.SendAllAndClose sendAll) {
      return sendAll.replies();
    }
    return List.of();
  }

  /** Returns whether the server closed the connection after this command. */
  public boolean closedConnection() {
    return !(outcome instanceof Outcome.Send || outcome instanceof Outcome.SendRaw);
  }

  @Override
  public String toString() {
    String answer = outcome instanceof Outcome.SendRaw raw ? "raw " + Escaping.escape(raw.bytes())
        : replies().stream().map(Reply::escaped).collect(Collectors.joining(" "));
    return received + " -> " + answer + (closedConnection() ? " (closed)" : "");
  }
}
