package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the client's byte stream into lines the way real Faktory reads them, in front of the {@code RedisDecoder}.
 *
 * <p>Real Faktory reads up to LF and strips an optional CR before it; netty's decoder insists on CRLF, checks its
 * length limit only while a line is incomplete (so the outcome depends on how TCP split the bytes) and decodes a
 * line starting with a RESP type byte as a reply. This framer closes those gaps. Per complete line it emits:
 * <ul>
 *   <li>a {@link String} for a non-empty line, decoded losslessly as Go walks UTF-8 ({@link GoUtf8#decode}: each
 *       invalid byte kept as an escaped byte, since real Faktory keeps the line's raw bytes); it goes around the codec ({@code ByteToMessageDecoder} passes non-buffer messages through), so a line
 *       starting with {@code + - : $ *} is a command too, never a RESP frame;
 *   <li>for an empty line, a buffer holding CRLF, which the codec decodes as an empty inline command;
 *   <li>{@link LineTooLong} once, for the first line longer than the limit, after which all input is discarded.
 * </ul>
 * Whatever the split of the input, the same sequence results.
 */
final class LineFramer extends ByteToMessageDecoder {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final int maxLineLength;
  /** Bytes after the reader index already known to hold no LF: each byte is scanned once. */
  private int scanned;
  private boolean discarding;

  /** Creates a framer accepting lines of at most {@code maxLineLength} bytes, terminator excluded. */
  LineFramer(int maxLineLength) {
    this.maxLineLength = maxLineLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!discarding && in.isReadable()) {
      int lf = in.indexOf(in.readerIndex() + scanned, in.writerIndex(), LF);
      if (lf < 0) {
        scanned = in.readableBytes();
        // a pending trailing CR may still turn out to be part of the terminator
        if (scanned > maxLineLength + 1) {
          tooLong(out);
        }
        break;
      }
      scanned = 0;
      emitLine(ctx, in, lf, out);
    }
    if (discarding) {
      in.skipBytes(in.readableBytes());
    }
  }

  private void emitLine(ChannelHandlerContext ctx, ByteBuf in, int lf, List<Object> out) {
    int start = in.readerIndex();
    int end = lf > start && in.getByte(lf - 1) == CR ? lf - 1 : lf;
    int length = end - start;
    if (length > maxLineLength) {
      tooLong(out);
      return;
    }
    if (length > 0) {
      out.add(GoUtf8.decode(ByteBufUtil.getBytes(in, start, length), 0, length));
    } else {
      out.add(ctx.alloc().buffer(length + 2).writeBytes(in, start, length).writeByte(CR).writeByte(LF));
    }
    in.readerIndex(lf + 1);
  }

  private void tooLong(List<Object> out) {
    discarding = true;
    out.add(new LineTooLong(maxLineLength));
  }
}
