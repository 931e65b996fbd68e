package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.GoRecords.ALERT;
import static io.github.faktorytestkit.fake.transport.GoRecords.HANDSHAKE;
import static io.github.faktorytestkit.fake.transport.GoRecords.HEADER;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_HANDSHAKE;
import static io.github.faktorytestkit.fake.transport.GoRecords.MAX_USELESS_RECORDS;
import static io.github.faktorytestkit.fake.transport.GoRecords.MESSAGE_HEADER;
import static io.github.faktorytestkit.fake.transport.GoRecords.SSL2_HELLO;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Reads a TLS client's records up to the end of its client hello as Go's {@code tls.Conn} does before the version is
 * known ({@code readRecordOrCCS}, {@code readHandshake}), answers what Go refuses with Go's bytes, and only then
 * starts TLS behind it ({@link Pipelines#startTls}: BouncyCastle's TLS protocol, set up as Go's server for that hello
 * by {@link GoTlsServer}).
 *
 * <p>Records: an SSLv2 hello gets a {@code protocol_version} alert, an oversized record {@code record_overflow}, a
 * record that is not an alert or a handshake (or claims a version of 16.0 or more) a close without a byte (on an HTTPS
 * port, after {@code net/http}'s 400 when it looks like plain HTTP: {@link GoMisdirectedHttp}), an empty
 * handshake record or a malformed alert {@code unexpected_message}; a fatal alert or {@code close_notify} closes, a
 * warning alert is dropped (up to Go's 16 in a row). The handshake bytes of all records are joined; a message
 * longer than 64 KiB gets {@code internal_error}; a message Go refuses gets Go's alert ({@link GoHelloChecks}). Go
 * writes alerts before the version is negotiated with record version TLS 1.0, and TLS 1.2 after. A hello Go accepts
 * goes on re-framed in records of TLS 1.0 (Go ignores the records' versions here, BouncyCastle may not), followed by all
 * that came after it, and this handler leaves the pipeline.
 */
final class GoClientHello extends ByteToMessageDecoder {
  private static final int MAX_CIPHERTEXT = 16384 + 2048;
  private static final int WARNING = 1;
  private static final int FATAL = 2;
  private static final int CLOSE_NOTIFY = 0;
  private static final int TLS10 = 0x0301;

  private final TlsCredentials tls;
  private final boolean answersPlainHttp;
  private final GoHelloChecks checks;
  private final ByteBuf handshake = Unpooled.buffer();
  private int uselessRecords;
  private boolean closed;

  /** Reads the hello for the command port, whose client not speaking TLS is closed without a byte. */
  GoClientHello(TlsCredentials tls) {
    this(tls, false);
  }

  /**
   * Reads the hello for {@code tls}; {@code answersPlainHttp}: whether a client speaking plain HTTP gets Go's
   * {@code net/http} answer ({@link GoMisdirectedHttp}) before the close, as on an HTTPS port.
   */
  GoClientHello(TlsCredentials tls, boolean answersPlainHttp) {
    this.tls = tls;
    this.answersPlainHttp = answersPlainHttp;
    this.checks = new GoHelloChecks(tls.serverKey(), tls.tls13Tickets());
  }

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
        alertAndClose(ctx, in, GoAlert.PROTOCOL_VERSION);
      } else if (type != ALERT && type != HANDSHAKE || version >= 0x1000) {
        notTls(ctx, in, start);
      } else if (length > MAX_CIPHERTEXT) {
        alertAndClose(ctx, in, GoAlert.RECORD_OVERFLOW);
      } else if (in.readableBytes() < HEADER + length) {
        return;
      } else if (type == HANDSHAKE) {
        handshake(ctx, in, length, out);
      } else {
        alert(ctx, in, length);
      }
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    handshake.release();
  }

  private void handshake(ChannelHandlerContext ctx, ByteBuf in, int length, List<Object> out) {
    if (length == 0) {
      alertAndClose(ctx, in, GoAlert.UNEXPECTED_MESSAGE);
      return;
    }
    in.skipBytes(HEADER);
    handshake.writeBytes(in, length);
    uselessRecords = 0;
    if (handshake.readableBytes() < MESSAGE_HEADER) {
      return;
    }
    int messageLength = handshake.getUnsignedMedium(handshake.readerIndex() + 1);
    if (messageLength > MAX_HANDSHAKE) {
      alertAndClose(ctx, in, GoAlert.INTERNAL_ERROR);
    } else if (handshake.readableBytes() >= MESSAGE_HEADER + messageLength) {
      byte[] message = new byte[MESSAGE_HEADER + messageLength];
      handshake.getBytes(handshake.readerIndex(), message);
      GoHelloChecks.Verdict verdict = checks.judge(message, handshake.readableBytes() > message.length);
      if (verdict.refused()) {
        answerAndClose(ctx, in, verdict.alert());
      } else {
        startTls(ctx, out, verdict.hello());
      }
    }
  }

  private void startTls(ChannelHandlerContext ctx, List<Object> out, ClientHelloMessage hello) {
    passOn(out);
    Pipelines.startTls(ctx.pipeline(), new GoServerProtocol(EchConfirmation.inner(hello)), tls.server(hello),
        group -> new GoRetriedHello(checks, hello, group));
    ctx.pipeline().remove(this);
  }

  /** Puts the joined handshake bytes in records of TLS 1.0, for the TLS protocol. */
  private void passOn(List<Object> out) {
    out.add(Unpooled.wrappedBuffer(GoRecords.handshakeRecords(ByteBufUtil.getBytes(handshake), TLS10)));
  }

  private void alert(ChannelHandlerContext ctx, ByteBuf in, int length) {
    if (length != 2) {
      alertAndClose(ctx, in, GoAlert.UNEXPECTED_MESSAGE);
      return;
    }
    int level = in.getUnsignedByte(in.readerIndex() + HEADER);
    int description = in.getUnsignedByte(in.readerIndex() + HEADER + 1);
    if (level != WARNING && level != FATAL && description != CLOSE_NOTIFY) {
      alertAndClose(ctx, in, GoAlert.UNEXPECTED_MESSAGE);
    } else if (level == FATAL || description == CLOSE_NOTIFY) {
      close(ctx, in);
    } else if (++uselessRecords > MAX_USELESS_RECORDS) {
      alertAndClose(ctx, in, GoAlert.UNEXPECTED_MESSAGE);
    } else {
      in.skipBytes(HEADER + length);
    }
  }

  /** A record that does not look like TLS: closed without a byte, or after Go's answer to plain HTTP over HTTPS. */
  private void notTls(ChannelHandlerContext ctx, ByteBuf in, int start) {
    byte[] answer = answersPlainHttp ? GoMisdirectedHttp.answer(in, start) : null;
    if (answer == null) {
      close(ctx, in);
    } else {
      answerAndClose(ctx, in, answer);
    }
  }

  private void alertAndClose(ChannelHandlerContext ctx, ByteBuf in, int description) {
    answerAndClose(ctx, in, GoAlert.fatal(TLS10, description));
  }

  /** Writes {@code answer} (an alert, or net/http's answer to plain HTTP) and closes; later bytes are ignored. */
  private void answerAndClose(ChannelHandlerContext ctx, ByteBuf in, byte[] answer) {
    in.skipBytes(in.readableBytes());
    closed = true;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
  }

  private void close(ChannelHandlerContext ctx, ByteBuf in) {
    in.skipBytes(in.readableBytes());
    closed = true;
    ctx.close();
  }
}
