package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the client's byte stream into lines the way real Faktory reads them: up to LF, an optional CR before it
 * stripped, whatever the line starts with (a line starting with {@code + - : $ *} is a command, never a RESP frame).
 * Per complete line it emits:
 * <ul>
 *   <li>the line as a {@link String} (empty for an empty line), decoded losslessly as Go walks UTF-8
 *       ({@link GoUtf8#decode}: each invalid byte kept as an escaped byte, since real Faktory keeps the line's raw
 *       bytes);
 *   <li>{@link LineTooLong} once, for the first line longer than the limit, after which all input is discarded.
 * </ul>
 * The limit is checked on complete and on partial lines alike, so whatever the split of the input, the same
 * sequence results.
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
      emitLine(in, lf, out);
    }
    if (discarding) {
      in.skipBytes(in.readableBytes());
    }
  }

  private void emitLine(ByteBuf in, int lf, List<Object> out) {
    int start = in.readerIndex();
    int end = lf > start && in.getByte(lf - 1) == CR ? lf - 1 : lf;
    int length = end - start;
    if (length > maxLineLength) {
      tooLong(out);
      return;
    }
    out.add(length == 0 ? "" : GoUtf8.decode(ByteBufUtil.getBytes(in, start, length), 0, length));
    in.readerIndex(lf + 1);
  }

  private void tooLong(List<Object> out) {
    discarding = true;
    out.add(new LineTooLong(maxLineLength));
  }
}
