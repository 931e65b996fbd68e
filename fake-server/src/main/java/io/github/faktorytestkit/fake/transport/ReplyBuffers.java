package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.protocol.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link Reply} values as the one buffer the pipeline sends: exactly {@link Reply#toWire()} for every reply
 * of valid text (pinned by a property test), so the wire form still has one definition, in one buffer of the
 * channel's allocator (one {@code write(2)} per reply, no copy into a direct buffer on the way out). Text is written
 * as the bytes it stands for ({@link GoUtf8#encode}): a simple or error reply echoing a line's invalid bytes
 * ({@link GoUtf8}'s escaped bytes) carries them raw.
 */
final class ReplyBuffers {
  private static final int CRLF = ('\r' << 8) | '\n';
  private static final byte[] NULL_BULK = Reply.NULL_BULK.toWire();

  private ReplyBuffers() {}

  /** Returns the bytes of {@code reply} in a buffer from {@code alloc}; the caller passes ownership on. */
  static ByteBuf toBuffer(ByteBufAllocator alloc, Reply reply) {
    if (reply instanceof Reply.BulkString bulk) {
      byte[] content = GoUtf8.encode(bulk.text());
      byte[] length = ascii(content.length);
      ByteBuf buffer = alloc.buffer(1 + length.length + 2 + content.length + 2);
      buffer.writeByte('$').writeBytes(length).writeShort(CRLF);
      return buffer.writeBytes(content).writeShort(CRLF);
    }
    if (reply instanceof Reply.SimpleString simple) {
      return line(alloc, '+', GoUtf8.encode(simple.text()));
    }
    if (reply instanceof Reply.ErrorReply error) {
      return line(alloc, '-', GoUtf8.encode(error.text()));
    }
    if (reply instanceof Reply.IntegerReply integer) {
      return line(alloc, ':', ascii(integer.value()));
    }
    return alloc.buffer(NULL_BULK.length).writeBytes(NULL_BULK);
  }

  private static ByteBuf line(ByteBufAllocator alloc, char type, byte[] text) {
    return alloc.buffer(1 + text.length + 2).writeByte(type).writeBytes(text).writeShort(CRLF);
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }
}
