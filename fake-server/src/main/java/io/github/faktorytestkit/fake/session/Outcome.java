package io.github.faktorytestkit.fake.session;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.protocol.Reply;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a connection does after the server handled one line: send a reply, send a reply and close, close silently,
 * or send raw bytes (a fault). Values only: the transport turns them into socket operations.
 */
public sealed interface Outcome {

  /** Returns an outcome that sends {@code reply} and keeps the connection open. */
  static Outcome send(Reply reply) {
    return new Send(reply);
  }

  /** Returns an outcome that sends {@code reply}, then closes the connection. */
  static Outcome sendAndClose(Reply reply) {
    return new SendAndClose(reply);
  }

  /**
   * Returns an outcome that sends {@code replies} in order, then closes the connection (the connection cap: the
   * real server has already written {@code +OK} for the HELLO when it refuses the connection).
   */
  static Outcome sendAllAndClose(Reply... replies) {
    return new SendAllAndClose(List.of(replies));
  }

  /** Returns an outcome that closes the connection without a reply (END, a bad handshake). */
  static Outcome close() {
    return Close.INSTANCE;
  }

  /** Returns {@code +OK}. */
  static Outcome ok() {
    return SharedOutcomes.OK;
  }

  /** Returns a bulk reply. */
  static Outcome bulk(String text) {
    return send(Reply.bulk(text));
  }

  /**
   * Returns {@code -ERR text}. A text holding CR or LF (a jid or wid with a newline, echoed back) is sent raw, as
   * the real server writes it, though the frame is then broken.
   */
  static Outcome error(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      return new SendRaw(GoUtf8.encode("-ERR " + text + "\r\n"));
    }
    return send(Reply.err(text));
  }

  /** Returns an already completed stage of {@code outcome}. */
  static CompletionStage<Outcome> done(Outcome outcome) {
    return outcome == SharedOutcomes.OK ? SharedOutcomes.OK_DONE : CompletableFuture.completedFuture(outcome);
  }

  /** Returns the replies this outcome sends, in order; none for a close or raw bytes. */
  default List<Reply> replies() {
    return List.of();
  }

  /** Returns whether the connection closes after this outcome. */
  default boolean closes() {
    return true;
  }

  /** Returns this outcome closing the connection after its reply; an outcome without a reply stays as it is. */
  default Outcome thenClose() {
    return this;
  }

  /** Sends a reply; the connection stays open. */
  record Send(Reply reply) implements Outcome {
    /** Creates the outcome. */
    public Send {
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public List<Reply> replies() {
      return List.of(reply);
    }

    @Override
    public boolean closes() {
      return false;
    }

    @Override
    public Outcome thenClose() {
      return new SendAndClose(reply);
    }
  }

  /** Sends a reply, then closes the connection. */
  record SendAndClose(Reply reply) implements Outcome {
    /** Creates the outcome. */
    public SendAndClose {
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public List<Reply> replies() {
      return List.of(reply);
    }
  }

  /** Sends several replies in order, then closes the connection. */
  record SendAllAndClose(List<Reply> replies) implements Outcome {
    /** Creates the outcome; the list is copied and must not be empty. */
    public SendAllAndClose {
      replies = List.copyOf(replies);
      if (replies.isEmpty()) {
        throw new IllegalArgumentException("replies: [] (expected: at least one reply)");
      }
    }
  }

  /** Closes the connection without sending anything. */
  enum Close implements Outcome {
    /** The only instance. */
    INSTANCE
  }

  /** Sends bytes that are not a well-formed reply (fault injection), keeping the connection open. */
  record SendRaw(byte[] bytes) implements Outcome {
    /** Creates the outcome; the array is copied. */
    public SendRaw {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean closes() {
      return false;
    }
  }
}
