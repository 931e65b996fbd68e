package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.protocol.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes {@link Reply} values as the one buffer the pipeline sends: the reply's {@link ReplyFrame}, in one buffer of
 * the channel's allocator (one {@code write(2)} per reply, no copy into a direct buffer on the way out).
 */
final class ReplyBuffers {
  private ReplyBuffers() {}

  /** Returns the bytes of {@code reply} in a buffer from {@code alloc}; the caller passes ownership on. */
  static ByteBuf toBuffer(ByteBufAllocator alloc, Reply reply) {
    ReplyFrame frame = ReplyFrame.of(reply);
    ByteBuf buffer = alloc.buffer(frame.length());
    buffer.writeByte(frame.type()).writeBytes(frame.text()).writeShort(ReplyFrame.CRLF);
    if (frame.content() != null) {
      buffer.writeBytes(frame.content()).writeShort(ReplyFrame.CRLF);
    }
    return buffer;
  }
}
