package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.transcript.FrameShape;
import io.github.faktorytestkit.transcript.TranscriptEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The server frames a replay sends for one client line, rewritten with the bound values, and the {@link Outcome}
 * that sends them. Frames that are not whole RESP frames with UTF-8 text (recorded raw bytes) go out byte for byte.
 *
 * @param frames the recorded frames, in order
 * @param contents each frame's body, rewritten
 * @param closes whether the server closes the connection after them
 */
record Replies(List<TranscriptEvent.Frame> frames, List<byte[]> contents, boolean closes) {

  /** Returns the exact bytes on the wire. */
  byte[] wire() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frames.size(); i++) {
      out.writeBytes(frames.get(i).wire(contents.get(i)));
    }
    return out.toByteArray();
  }

  /** Returns whether these replies put the same bytes on the wire and close the same way as {@code other}. */
  boolean sameAs(Replies other) {
    return closes == other.closes && Arrays.equals(wire(), other.wire());
  }

  /**
   * Returns the outcome sending these replies. Raw frames before a close cannot be one outcome: they are sent, and
   * {@link #needsSeparateClose()} says the caller closes the connection after them.
   */
  Outcome outcome() {
    if (!closes) {
      return new Outcome.SendRaw(wire());
    }
    if (frames.isEmpty()) {
      return Outcome.close();
    }
    Optional<List<Reply>> replies = asReplies();
    return replies.isPresent() ? Outcome.sendAllAndClose(replies.get().toArray(Reply[]::new))
        : new Outcome.SendRaw(wire());
  }

  /** Returns whether {@link #outcome()} leaves the close to the caller. */
  boolean needsSeparateClose() {
    return closes && !frames.isEmpty() && asReplies().isEmpty();
  }

  private Optional<List<Reply>> asReplies() {
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      Optional<Reply> reply = reply(frames.get(i).shape(), contents.get(i));
      if (reply.isEmpty()) {
        return Optional.empty();
      }
      replies.add(reply.get());
    }
    return Optional.of(replies);
  }

  /** Returns {@code content} of {@code shape} as a reply value, when the value writes exactly those bytes. */
  static Optional<Reply> reply(FrameShape shape, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content)) {
      return Optional.empty();
    }
    try {
      return switch (shape) {
        case SIMPLE -> Optional.of(new Reply.SimpleString(text));
        case ERROR -> Optional.of(new Reply.ErrorReply(text));
        case BULK -> Optional.of(Reply.bulk(text));
        case NULL_BULK -> Optional.of(Reply.NULL_BULK);
        case INTEGER -> Optional.of(new Reply.IntegerReply(Long.parseLong(text)));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException notAReply) {
      return Optional.empty();
    }
  }
}
