package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.protocol.Reply;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one {@link Reply} as the fake sends it, free of any socket library: a line (type byte, text, CRLF)
 * and, for a bulk string, its content and a CRLF after that. Exactly {@link Reply#toWire()} for every reply of valid
 * text (pinned by a property test), so the wire form still has one definition; text is written as the bytes it
 * stands for ({@link GoUtf8#encode}): a simple or error reply echoing a line's invalid bytes (escaped bytes) carries
 * them raw. {@link ReplyBuffers} writes it into Netty's buffers; a connection accepted before Netty was ready writes
 * {@link #writeTo}.
 *
 * @param type the first byte: {@code + - : $}
 * @param text what follows the type byte on the first line
 * @param content the content of a bulk string, or null for a reply of one line
 */
record ReplyFrame(byte type, byte[] text, byte[] content) {
  static final int CRLF = ('\r' << 8) | '\n';

  private static final byte[] NULL_LENGTH = {'-', '1'};
  /** The frame of {@link Reply#OK}, which most commands answer: made once. */
  private static final ReplyFrame OK = new ReplyFrame((byte) '+', GoUtf8.encode(Reply.OK.text()), null);

  /** Returns the frame of {@code reply}. */
  static ReplyFrame of(Reply reply) {
    if (reply == Reply.OK) {
      return OK;
    }
    if (reply instanceof Reply.BulkString bulk) {
      byte[] content = GoUtf8.encode(bulk.text());
      return new ReplyFrame((byte) '$', ascii(content.length), content);
    }
    if (reply instanceof Reply.SimpleString simple) {
      return new ReplyFrame((byte) '+', GoUtf8.encode(simple.text()), null);
    }
    if (reply instanceof Reply.ErrorReply error) {
      return new ReplyFrame((byte) '-', GoUtf8.encode(error.text()), null);
    }
    if (reply instanceof Reply.IntegerReply integer) {
      return new ReplyFrame((byte) ':', ascii(integer.value()), null);
    }
    return new ReplyFrame((byte) '$', NULL_LENGTH, null);
  }

  /** Returns the length of the frame in bytes. */
  int length() {
    return 1 + text.length + 2 + (content == null ? 0 : content.length + 2);
  }

  /** Writes the frame's bytes into {@code bytes} from {@code at}, which has room for them; returns the index after. */
  int writeTo(byte[] bytes, int at) {
    bytes[at] = type;
    System.arraycopy(text, 0, bytes, at + 1, text.length);
    int end = crlf(bytes, at + 1 + text.length);
    if (content == null) {
      return end;
    }
    System.arraycopy(content, 0, bytes, end, content.length);
    return crlf(bytes, end + content.length);
  }

  private static int crlf(byte[] bytes, int at) {
    bytes[at] = '\r';
    bytes[at + 1] = '\n';
    return at + 2;
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }
}
