package io.github.faktorytestkit.fake.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import java.nio.channels.ClosedChannelException;

/**
 * Holds what the session writes (its {@code HI}) while TLS has not started, as Go's {@code tls.Conn} holds a write
 * until its handshake is done; {@link #release} hands it on to the TLS handler put in front of it, and leaves. A close
 * meanwhile goes straight to the socket, without a byte.
 */
final class HeldWrites extends ChannelOutboundHandlerAdapter {
  private PendingWriteQueue held;
  private boolean flushed;
  private ChannelHandlerContext ctx;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    held = new PendingWriteQueue(ctx);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    held.add(msg, promise);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    flushed = true;
  }

  /** Writes what was held to the handlers in front of this one, flushes if the session had, and leaves. */
  void release() {
    held.removeAndWriteAll();
    if (flushed) {
      ctx.flush();
    }
    ctx.pipeline().remove(this);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held.removeAndFailAll(new ClosedChannelException());
  }
}
