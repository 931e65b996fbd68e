package io.github.faktorytestkit.fake.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;

/**
 * Closes a TLS connection whose handshake has not completed without a byte, as Go's {@code tls.Conn} does (the
 * handshake deadline passed, say): netty's {@link SslHandler} would send {@code user_canceled} and
 * {@code close_notify} alerts first. After the handshake the close goes through the {@link SslHandler}, which sends
 * {@code close_notify}, as Go does. Sits right behind the {@link SslHandler} in the pipeline.
 */
final class SilentCloseBeforeTls extends ChannelOutboundHandlerAdapter {
  private final SslHandler tls;

  SilentCloseBeforeTls(SslHandler tls) {
    this.tls = tls;
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (tls.handshakeFuture().isSuccess()) {
      ctx.close(promise);
    } else {
      // from the TLS handler's own context the close skips that handler and goes straight to the socket
      ctx.pipeline().context(tls).close(promise);
    }
  }
}
