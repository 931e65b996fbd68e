package io.github.faktorytestkit.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One frame the Faktory server sends: a RESP simple string, error, bulk string, null bulk string or integer.
 *
 * <p>Replies are immutable values. Every component that answers or records Faktory traffic (the client, the fake
 * server, the recorder) speaks in these values, so a reply can be recorded, compared and replayed; {@link #toWire()}
 * is the single place where a reply becomes bytes.
 */
public sealed interface Reply
    permits Reply.SimpleString, Reply.ErrorReply, Reply.BulkString, Reply.NullBulkString, Reply.IntegerReply {

  /** The {@code +OK} reply. */
  SimpleString OK = new SimpleString("OK");

  /** The null bulk string {@code $-1}, Faktory's "nothing" (e.g. FETCH with no job). */
  NullBulkString NULL_BULK = new NullBulkString();

  /** Returns the exact bytes of this frame on the wire, CRLF included. */
  byte[] toWire();

  /** Returns the wire form as text with CR, LF and other control characters escaped, for logs and messages. */
  default String escaped() {
    return Escaping.escape(toWire());
  }

  /** Returns a simple string reply {@code +text}. */
  static SimpleString simple(String text) {
    return new SimpleString(text);
  }

  /** Returns an error reply {@code -ERR message}, the form of every error the OSS server sends. */
  static ErrorReply err(String message) {
    return new ErrorReply("ERR " + message);
  }

  /** Returns an error reply {@code -CODE message}, the form of Faktory's "known" errors such as NOTUNIQUE. */
  static ErrorReply error(String code, String message) {
    return new ErrorReply(code + " " + message);
  }

  /** Returns a bulk string reply holding the UTF-8 bytes of {@code text}. */
  static BulkString bulk(String text) {
    return new BulkString(text);
  }

  /** A simple string frame: {@code +text\r\n}. */
  record SimpleString(String text) implements Reply {
    /** Creates the frame; {@code text} must not contain CR or LF. */
    public SimpleString {
      requireSingleLine(text);
    }

    @Override
    public byte[] toWire() {
      return line('+', text);
    }
  }

  /**
   * An error frame: {@code -text\r\n}, where text is {@code CODE message} ({@code ERR} for ordinary errors).
   *
   * @param text everything after the leading {@code -}, without the CRLF
   */
  record ErrorReply(String text) implements Reply {
    /** Creates the frame; {@code text} must not contain CR or LF. */
    public ErrorReply {
      requireSingleLine(text);
    }

    /** Returns the error code: the text before the first space ({@code ERR}, {@code NOTUNIQUE}, ...). */
    public String code() {
      int space = text.indexOf(' ');
      return space < 0 ? text : text.substring(0, space);
    }

    /** Returns the message: the text after the first space, or the empty string when there is none. */
    public String message() {
      int space = text.indexOf(' ');
      return space < 0 ? "" : text.substring(space + 1);
    }

    @Override
    public byte[] toWire() {
      return line('-', text);
    }
  }

  /**
   * A bulk string frame: {@code $<byte length>\r\n<bytes>\r\n}. Faktory sends JSON documents this way.
   *
   * @param text the content, encoded as UTF-8 on the wire
   */
  record BulkString(String text) implements Reply {
    /** Creates the frame. */
    public BulkString {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public byte[] toWire() {
      byte[] content = text.getBytes(StandardCharsets.UTF_8);
      byte[] header = ("$" + content.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] wire = new byte[header.length + content.length + 2];
      System.arraycopy(header, 0, wire, 0, header.length);
      System.arraycopy(content, 0, wire, header.length, content.length);
      wire[wire.length - 2] = '\r';
      wire[wire.length - 1] = '\n';
      return wire;
    }
  }

  /** The null bulk string frame {@code $-1\r\n}. Use {@link Reply#NULL_BULK}. */
  record NullBulkString() implements Reply {
    @Override
    public byte[] toWire() {
      return "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** An integer frame {@code :n\r\n}. The server can write it, though no Faktory 1.9.4 command does. */
  record IntegerReply(long value) implements Reply {
    @Override
    public byte[] toWire() {
      return line(':', Long.toString(value));
    }
  }

  private static byte[] line(char prefix, String text) {
    return (prefix + text + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void requireSingleLine(String text) {
    Objects.requireNonNull(text, "text");
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("text: " + Escaping.escape(text) + " (expected: no CR or LF)");
    }
  }
}
