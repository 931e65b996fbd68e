package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Netty's side of the fake's framing ({@link LineSplitter}, which says what a line is): per complete line of the
 * client's byte stream it emits the line as a {@link String}, and {@link LineTooLong} once for the first line over
 * the limit, after which all input is discarded.
 */
final class LineFramer extends ByteToMessageDecoder implements LineSplitter.Input {
  private final LineSplitter splitter;
  /** The cumulation being decoded, during {@link #decode} only. */
  private ByteBuf in;

  /** Creates a framer accepting lines of at most {@code maxLineLength} bytes, terminator excluded. */
  LineFramer(int maxLineLength) {
    this.splitter = new LineSplitter(maxLineLength);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    this.in = in;
    try {
      for (Object item = splitter.next(this); item != null; item = splitter.next(this)) {
        out.add(item);
      }
    } finally {
      this.in = null;
    }
  }

  @Override
  public int readerIndex() {
    return in.readerIndex();
  }

  @Override
  public int writerIndex() {
    return in.writerIndex();
  }

  @Override
  public void readerIndex(int index) {
    in.readerIndex(index);
  }

  @Override
  public int indexOf(int from, int to, byte value) {
    return in.indexOf(from, to, value);
  }

  @Override
  public byte getByte(int index) {
    return in.getByte(index);
  }

  @Override
  public String text(int index, int length) {
    return GoUtf8.decode(ByteBufUtil.getBytes(in, index, length), 0, length);
  }
}
