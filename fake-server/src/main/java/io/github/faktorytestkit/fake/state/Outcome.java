package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.protocol.Reply;
import java.util.List;
import java.util.Objects;

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

  /** Sends a reply; the connection stays open. */
  record Send(Reply reply) implements Outcome {
    /** Creates the outcome. */
    public Send {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** Sends a reply, then closes the connection. */
  record SendAndClose(Reply reply) implements Outcome {
    /** Creates the outcome. */
    public SendAndClose {
      Objects.requireNonNull(reply, "reply");
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
  }
}
