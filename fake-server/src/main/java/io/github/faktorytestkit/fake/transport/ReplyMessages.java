package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.protocol.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.redis.ErrorRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.IntegerRedisMessage;
import io.netty.handler.codec.redis.SimpleStringRedisMessage;

/**
 * Maps {@link Reply} values to what the pipeline writes: the messages netty's {@code RedisEncoder} writes, which
 * produce exactly {@link Reply#toWire()} for every reply of valid text (pinned by a property test), so the wire form
 * still has one definition. Text is written as the bytes it stands for ({@link GoUtf8#encode}): a simple or error
 * reply echoing a line's invalid bytes ({@link GoUtf8}'s escaped bytes) goes out as a buffer holding them raw.
 */
final class ReplyMessages {
  private static final byte[] CRLF = {'\r', '\n'};

  private ReplyMessages() {}

  /** Returns the netty message or buffer for {@code reply}; the caller passes ownership to the pipeline. */
  static Object toMessage(Reply reply) {
    if (reply instanceof Reply.SimpleString simple) {
      return GoUtf8.hasEscapedByte(simple.text()) ? rawLine('+', simple.text()) : new SimpleStringRedisMessage(simple.text());
    }
    if (reply instanceof Reply.ErrorReply error) {
      return GoUtf8.hasEscapedByte(error.text()) ? rawLine('-', error.text()) : new ErrorRedisMessage(error.text());
    }
    if (reply instanceof Reply.BulkString bulk) {
      return new FullBulkStringRedisMessage(Unpooled.wrappedBuffer(GoUtf8.encode(bulk.text())));
    }
    if (reply instanceof Reply.IntegerReply integer) {
      return new IntegerRedisMessage(integer.value());
    }
    return FullBulkStringRedisMessage.NULL_INSTANCE;
  }

  private static ByteBuf rawLine(char type, String text) {
    return Unpooled.wrappedBuffer(new byte[] {(byte) type}, GoUtf8.encode(text), CRLF);
  }
}
