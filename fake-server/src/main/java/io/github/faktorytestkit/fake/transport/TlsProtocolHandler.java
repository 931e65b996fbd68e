package io.github.faktorytestkit.fake.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;
import java.util.function.IntFunction;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsServer;

/**
 * TLS on one connection with BouncyCastle's TLS protocol in its non-blocking mode, as Go's {@code tls.Conn} serves it:
 * the bytes read are offered to the protocol, what it writes (handshake messages, alerts, records) goes to the
 * socket, and the plaintext it reads goes on to the framer. After a HelloRetryRequest, what the client sends up to
 * its second hello is read and judged as Go does ({@link GoRetriedHello}) before the protocol gets it, and after the
 * server's flight what it sends up to its first sealed record ({@link GoTls12Flight}, {@link GoTls13Flight}). A
 * record after the first hello claiming another version than TLS 1.2's gets Go's {@code protocol_version}
 * ({@link GoRecordVersions}), after those before it. The session's writes ({@code HI} first) are held
 * ({@link HeldWrites}) until the handshake is done, as Go holds a write; a handshake the protocol fails ends with its
 * fatal alert and the close. A close before the handshake is done is silent, as Go's (the handshake deadline passed,
 * say, or the client's end of stream); after it, it is preceded by {@code close_notify}. A client's
 * {@code close_notify} ends the input as a TCP half-close does (the session answers what came before it, then
 * closes), as it is Go's end of stream.
 */
final class TlsProtocolHandler extends ChannelDuplexHandler {
  private final GoServerProtocol protocol;
  private final TlsServer server;
  private final IntFunction<GoRetriedHello> retry;
  /**
   * What reads the client's bytes as Go does before the protocol gets them: between a HelloRetryRequest and the
   * second hello ({@link GoRetriedHello}), after the server's flight of TLS 1.2 up to the client's first sealed record
   * ({@link GoTls12Flight}), of TLS 1.3 likewise ({@link GoTls13Flight}); null outside those times.
   */
  private GoReadOutcome.Reader reading;
  private boolean refused;
  private boolean handshakeDone;
  private boolean inputEnded;
  /** Whether the next read is the client's first hello, which {@link GoClientHello} passes on in records of its own. */
  private boolean firstHello = true;
  private final GoRecordVersions versions = new GoRecordVersions();

  /** {@code retry}: what reads the client's bytes after a HelloRetryRequest asking for a share of a group. */
  TlsProtocolHandler(GoServerProtocol protocol, TlsServer server, IntFunction<GoRetriedHello> retry) {
    this.protocol = protocol;
    this.server = server;
    this.retry = retry;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws IOException {
    protocol.accept(server);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buffer)) {
      ctx.fireChannelRead(msg);
      return;
    }
    byte[] bytes = ByteBufUtil.getBytes(buffer);
    buffer.release();
    if (protocol.isClosed() || inputEnded || refused) {
      return;
    }
    if (reading != null) {
      GoReadOutcome outcome = reading.read(bytes);
      if (outcome.refused()) {
        refuse(ctx, outcome.refusal());
      }
      if (outcome.sealedAlert() >= 0) {
        refuseSealed(ctx, (short) outcome.sealedAlert());
      }
      if (outcome.passOn() == null) {
        return;
      }
      reading = null;
      bytes = outcome.passOn();
    }
    offer(ctx, bytes);
  }

  /** Writes Go's {@code alert} (nothing when empty) and closes, before the protocol sees what Go refuses. */
  private void refuse(ChannelHandlerContext ctx, byte[] alert) {
    refused = true;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(alert)).addListener(ChannelFutureListener.CLOSE);
  }

  /** Has the protocol write Go's alert of {@code description} sealed with the server's keys, and closes. */
  private void refuseSealed(ChannelHandlerContext ctx, short description) {
    refused = true;
    try {
      protocol.refuse(description);
    } catch (IOException failed) {
      // the protocol failed the connection, as asked: what it wrote goes out below
    }
    writeOutput(ctx, ctx.newPromise());
    ctx.flush();
    ctx.close();
  }

  private void offer(ChannelHandlerContext ctx, byte[] bytes) {
    boolean first = firstHello;
    int otherVersion = first ? -1 : versions.firstOfAnotherVersion(bytes, bytes.length);
    firstHello = false;
    try {
      protocol.offerInput(bytes, 0, otherVersion < 0 ? bytes.length : otherVersion);
      if (otherVersion >= 0) {
        protocol.refuse(AlertDescription.protocol_version);
      }
    } catch (IOException failed) {
      writeOutput(ctx, ctx.newPromise());
      ctx.flush();
      ctx.close();
      return;
    }
    writeOutput(ctx, ctx.newPromise());
    if (first && protocol.retryGroup() >= 0) {
      reading = retry.apply(protocol.retryGroup());
    }
    GoReadOutcome.Reader flight = protocol.takeFlightReader();
    if (flight != null) {
      reading = flight;
    }
    if (!handshakeDone && protocol.isConnected() && !protocol.isHandshaking()) {
      handshakeDone = true;
      ctx.pipeline().get(HeldWrites.class).release();
    }
    readPlaintext(ctx);
    if (protocol.inputEnded()) {
      inputEnded = true;
      ctx.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    }
    if (protocol.isClosed()) {
      ctx.flush();
      ctx.close();
    }
  }

  private void readPlaintext(ChannelHandlerContext ctx) {
    int available = protocol.getAvailableInputBytes();
    if (available > 0) {
      byte[] plaintext = new byte[available];
      protocol.readInput(plaintext, 0, available);
      ctx.fireChannelRead(Unpooled.wrappedBuffer(plaintext));
    }
  }

  /** The client's end of stream before the handshake is done ends it as Go's does: closed without a byte. */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent && !handshakeDone) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf buffer)) {
      ctx.write(msg, promise);
      return;
    }
    byte[] plaintext = ByteBufUtil.getBytes(buffer);
    buffer.release();
    try {
      protocol.writeApplicationData(plaintext, 0, plaintext.length);
    } catch (IOException closed) {
      promise.setFailure(closed);
      return;
    }
    writeOutput(ctx, promise);
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws IOException {
    if (!handshakeDone || protocol.isClosed()) {
      ctx.close(promise);
      return;
    }
    protocol.close();
    writeOutput(ctx, ctx.newPromise());
    ctx.flush();
    ctx.close(promise);
  }

  /** Writes what the protocol has to send, completing {@code promise} when it is written (at once if nothing). */
  private void writeOutput(ChannelHandlerContext ctx, ChannelPromise promise) {
    int available = protocol.getAvailableOutputBytes();
    if (available == 0) {
      promise.setSuccess();
      return;
    }
    byte[] records = new byte[available];
    protocol.readOutput(records, 0, available);
    ctx.write(Unpooled.wrappedBuffer(records), promise);
  }
}
