package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.protocol.Reply;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.redis.ErrorRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.IntegerRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import io.netty.handler.codec.redis.SimpleStringRedisMessage;
import java.nio.charset.StandardCharsets;

/**
 * Maps {@link Reply} values to the messages netty's {@code RedisEncoder} writes. The encoder produces exactly
 * {@link Reply#toWire()} for every reply (pinned by a property test), so the wire form still has one definition.
 */
final class ReplyMessages {
  private ReplyMessages() {}

  /** Returns the netty message for {@code reply}; the caller passes ownership to the pipeline. */
  static RedisMessage toMessage(Reply reply) {
    if (reply instanceof Reply.SimpleString simple) {
      return new SimpleStringRedisMessage(simple.text());
    }
    if (reply instanceof Reply.ErrorReply error) {
      return new ErrorRedisMessage(error.text());
    }
    if (reply instanceof Reply.BulkString bulk) {
      return new FullBulkStringRedisMessage(Unpooled.wrappedBuffer(bulk.text().getBytes(StandardCharsets.UTF_8)));
    }
    if (reply instanceof Reply.IntegerReply integer) {
      return new IntegerRedisMessage(integer.value());
    }
    return FullBulkStringRedisMessage.NULL_INSTANCE;
  }
}
