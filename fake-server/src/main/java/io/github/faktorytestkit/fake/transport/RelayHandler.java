package io.github.faktorytestkit.fake.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetSocketAddress;

/**
 * Relays the plaintext of one client's connection ({@link HttpsRelay}) to a connection of its own to the target, on the
 * same event loop, and back: the client's end of input (a half-close, or its {@code close_notify}) shuts the target's
 * output, the target's end closes the client's connection once all it sent is written (TLS then sends
 * {@code close_notify}), and either side's close closes the other. Neither side is read while the other cannot take
 * more; the client is not read until the target is connected.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {
  private final InetSocketAddress target;
  private Channel backend;

  RelayHandler(InetSocketAddress target) {
    this.target = target;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Channel client = ctx.channel();
    client.config().setAutoRead(false);
    ChannelFuture connecting = new Bootstrap().group(client.eventLoop()).channelFactory(SharedEventLoop::socketChannel)
        .handler(new Backend(client)).connect(target);
    backend = connecting.channel();
    connecting.addListener(connected -> {
      if (connected.isSuccess()) {
        client.config().setAutoRead(true);
      } else {
        client.close();
      }
    });
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    pass(msg, ctx.channel(), backend);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    backend.config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }

  /** Writes {@code msg}, read from {@code from}, to {@code to}; stops reading {@code from} while {@code to} is full. */
  private static void pass(Object msg, Channel from, Channel to) {
    to.writeAndFlush(msg);
    if (!to.isWritable()) {
      from.config().setAutoRead(false);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent && backend instanceof DuplexChannel duplex) {
      duplex.shutdownOutput();
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (backend != null) {
      backend.close();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  /** The target's side: what it sends goes to the client, its end closes the client's connection. */
  private static final class Backend extends ChannelInboundHandlerAdapter {
    private final Channel client;

    Backend(Channel client) {
      this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      pass(msg, ctx.channel(), client);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      client.config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
