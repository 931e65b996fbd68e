package io.github.faktorytestkit.fake.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * Checks the records a TLS client sends before its first handshake record as Go's {@code tls.Conn} does
 * ({@code readRecordOrCCS} before the version is known), and answers a malformed one with Go's bytes: an SSLv2
 * hello gets a {@code protocol_version} alert, an oversized record {@code record_overflow}, a record that is not
 * an alert or a handshake (or claims a version of 16.0 or more) a close without a byte, an empty handshake record or
 * a malformed alert {@code unexpected_message}; a fatal alert or {@code close_notify} closes, a warning alert is
 * dropped (up to Go's 16). Go writes alerts before the version is negotiated with record version TLS 1.0. At the
 * first well-formed handshake record it gives that record, with its version set to TLS 1.0 (Go ignores the first
 * record's version, the JDK does not), and all that follows to the {@link SslHandler} behind it, and leaves the
 * pipeline.
 */
final class GoFirstRecord extends ByteToMessageDecoder {
  private static final int HEADER = 5;
  private static final int SSL2_HELLO = 0x80;
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int MAX_CIPHERTEXT = 16384 + 2048;
  private static final int MAX_USELESS_RECORDS = 16;
  private static final int WARNING = 1;
  private static final int FATAL = 2;
  private static final int CLOSE_NOTIFY = 0;
  private static final int UNEXPECTED_MESSAGE = 10;
  private static final int RECORD_OVERFLOW = 22;
  private static final int PROTOCOL_VERSION = 70;

  private int droppedRecords;
  private boolean closed;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (closed) {
      in.skipBytes(in.readableBytes());
    }
    while (in.readableBytes() >= HEADER && !closed && !ctx.isRemoved()) {
      int start = in.readerIndex();
      int type = in.getUnsignedByte(start);
      int version = in.getUnsignedShort(start + 1);
      int length = in.getUnsignedShort(start + 3);
      if (type == SSL2_HELLO) {
        alertAndClose(ctx, in, PROTOCOL_VERSION);
      } else if (type != ALERT && type != HANDSHAKE || version >= 0x1000) {
        close(ctx, in);
      } else if (length > MAX_CIPHERTEXT) {
        alertAndClose(ctx, in, RECORD_OVERFLOW);
      } else if (in.readableBytes() < HEADER + length) {
        return;
      } else if (type == HANDSHAKE) {
        handshake(ctx, in, length);
      } else {
        alert(ctx, in, length);
      }
    }
  }

  private void handshake(ChannelHandlerContext ctx, ByteBuf in, int length) {
    if (length == 0) {
      alertAndClose(ctx, in, UNEXPECTED_MESSAGE);
      return;
    }
    in.setShort(in.readerIndex() + 1, 0x0301);
    ctx.pipeline().remove(this);
  }

  private void alert(ChannelHandlerContext ctx, ByteBuf in, int length) {
    if (length != 2) {
      alertAndClose(ctx, in, UNEXPECTED_MESSAGE);
      return;
    }
    int level = in.getUnsignedByte(in.readerIndex() + HEADER);
    int description = in.getUnsignedByte(in.readerIndex() + HEADER + 1);
    if (level != WARNING && level != FATAL && description != CLOSE_NOTIFY) {
      alertAndClose(ctx, in, UNEXPECTED_MESSAGE);
    } else if (level == FATAL || description == CLOSE_NOTIFY) {
      close(ctx, in);
    } else if (++droppedRecords > MAX_USELESS_RECORDS) {
      alertAndClose(ctx, in, UNEXPECTED_MESSAGE);
    } else {
      in.skipBytes(HEADER + length);
    }
  }

  private void alertAndClose(ChannelHandlerContext ctx, ByteBuf in, int description) {
    in.skipBytes(in.readableBytes());
    byte[] alert = {ALERT, 3, 1, 0, 2, FATAL, (byte) description};
    closed = true;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(alert)).addListener(ChannelFutureListener.CLOSE);
  }

  private void close(ChannelHandlerContext ctx, ByteBuf in) {
    in.skipBytes(in.readableBytes());
    closed = true;
    ctx.close();
  }
}
