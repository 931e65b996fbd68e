package io.github.faktorytestkit.transcript;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a transcript: a connection opened, a frame one side sent, or one side closing its end. Every event
 * names its connection and carries its time offset from the start of the recording.
 */
public sealed interface TranscriptEvent permits TranscriptEvent.Open, TranscriptEvent.Frame, TranscriptEvent.Close {
  /** What a connection name may hold. */
  Pattern CONNECTION_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Returns the connection's name, e.g. {@code c1}. */
  String connection();

  /** Returns the time since the start of the recording. */
  Duration at();

  /** A client connected (the proxy accepted it and reached the server). */
  record Open(String connection, Duration at) implements TranscriptEvent {
    /** Creates the event. */
    public Open {
      check(connection, at);
    }
  }

  /**
   * A frame one side sent: a client line, or a server RESP frame.
   *
   * @param shape how {@code body} becomes bytes: {@link FrameShape#LINE} for a client, any other for a server
   */
  record Frame(String connection, Duration at, Side sender, FrameShape shape, Template body)
      implements TranscriptEvent {
    /** Creates the event; a client frame must be a {@link FrameShape#LINE}, a server frame must not. */
    public Frame {
      check(connection, at);
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(body, "body");
      if ((sender == Side.CLIENT) != (shape == FrameShape.LINE)) {
        throw new IllegalArgumentException("shape: " + shape + " sent by " + sender.word()
            + " (expected: LINE for the client only)");
      }
      if (shape == FrameShape.NULL_BULK && !body.isEmpty()) {
        throw new IllegalArgumentException("body of a null bulk string: " + body + " (expected: empty)");
      }
    }

    /** Returns the frame of exactly {@code bytes} as {@code sender} sent them ({@link ServerFrames#shapeOf}). */
    public static Frame captured(String connection, Duration at, Side sender, byte[] bytes) {
      if (sender == Side.CLIENT) {
        return new Frame(connection, at, sender, FrameShape.LINE, Template.literal(bytes));
      }
      FrameShape shape = ServerFrames.shapeOf(bytes);
      return new Frame(connection, at, sender, shape, Template.literal(ServerFrames.bodyOf(shape, bytes)));
    }

    /** Returns this frame with {@code body} in place of its body (same connection, time, sender and shape). */
    public Frame withBody(Template newBody) {
      return new Frame(connection, at, sender, shape, newBody);
    }

    /** Returns the exact bytes on the wire, with the recorded values in the placeholders. */
    public byte[] wire() {
      return wire(body.bytes());
    }

    /** Returns the bytes on the wire for this frame's shape around {@code content} (e.g. a bulk's length). */
    public byte[] wire(byte[] content) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 16);
      switch (shape) {
        case LINE, RAW -> out.writeBytes(content);
        case SIMPLE -> line(out, '+', content);
        case ERROR -> line(out, '-', content);
        case INTEGER -> line(out, ':', content);
        case NULL_BULK -> out.writeBytes("$-1\r\n".getBytes(StandardCharsets.US_ASCII));
        case BULK -> {
          out.writeBytes(("$" + content.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.writeBytes(content);
          out.writeBytes(ServerFrames.CRLF);
        }
        default -> throw new IllegalStateException("shape: " + shape);
      }
      return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, char type, byte[] content) {
      out.write(type);
      out.writeBytes(content);
      out.writeBytes(ServerFrames.CRLF);
    }
  }

  /**
   * One side closed its end: it will send nothing more (the other side may still send, e.g. after a half-close).
   *
   * @param side who closed: the client, or the server
   */
  record Close(String connection, Duration at, Side side) implements TranscriptEvent {
    /** Creates the event. */
    public Close {
      check(connection, at);
      Objects.requireNonNull(side, "side");
    }
  }

  private static void check(String connection, Duration at) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(at, "at");
    if (!CONNECTION_NAME.matcher(connection).matches()) {
      throw new IllegalArgumentException("connection: " + connection + " (expected: [A-Za-z0-9_.-]+)");
    }
    if (at.isNegative()) {
      throw new IllegalArgumentException("at: " + at + " (expected: not negative)");
    }
  }
}
