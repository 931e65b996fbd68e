package io.github.faktorytestkit.bench.probe;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Spawned as a process: the floor under Go {@code load} against the standalone jar, on Netty. The canned replies of
 * {@link LoadFloorServer} ({@link FloorQueues}, behind one lock as the fake's model is), served as the jar serves:
 * one event-loop thread per core, Netty's native epoll transport where it loads (the harness puts the fake's jar,
 * which carries the native library, first on the class path), no buffer leak sampling, no flight-recorder events,
 * half-closure allowed; a pipeline of a line framer (a {@code ByteToMessageDecoder}, CR and LF stripped) and one
 * handler writing each reply as one buffer of the channel's allocator, flushed. No model, no JSON. Takes
 * {@code -b 127.0.0.1:PORT} and serves until killed: its jobs/s is what Netty alone allows on this machine.
 */
public final class NettyLoadFloorServer {
  private static final long EXPIRY_CHECK_MILLIS = 10;

  private NettyLoadFloorServer() {}

  /** Serves until killed. */
  public static void main(String[] args) throws InterruptedException {
    System.setProperty("io.netty.jfr.enabled", "false"); // as the jar sets them (NettyDefaults)
    System.setProperty("io.netty.leakDetection.level", "disabled");
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    FloorQueues queues = new FloorQueues();
    group.scheduleAtFixedRate(() -> expireWaits(queues), EXPIRY_CHECK_MILLIS, EXPIRY_CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
    Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    new ServerBootstrap().group(group).channel(channel)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel connection) {
            connection.pipeline().addLast(new LineBasedFrameDecoder(Integer.MAX_VALUE, true, false),
                new FloorHandler(queues));
          }
        })
        .bind(LoadFloorServer.address(args)).sync().channel().closeFuture().sync();
  }

  private static void expireWaits(FloorQueues queues) {
    synchronized (queues) {
      try {
        queues.expireWaits();
      } catch (IOException e) {
        throw new IllegalStateException(e); // a Netty send throws none
      }
    }
  }

  /** One connection: greets it, answers each line from the shared queues, closes it after END. */
  private static final class FloorHandler extends ChannelInboundHandlerAdapter implements FloorClient {
    private final FloorQueues queues;
    private Channel channel;

    FloorHandler(FloorQueues queues) {
      this.queues = queues;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      channel = ctx.channel();
      send(FloorQueues.GREETING);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
      ByteBuf line = (ByteBuf) msg;
      byte[] bytes;
      try {
        bytes = ByteBufUtil.getBytes(line);
      } finally {
        line.release();
      }
      boolean open;
      synchronized (queues) {
        open = queues.answer(this, bytes);
      }
      if (!open) {
        ctx.close();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      synchronized (queues) {
        queues.forget(this);
      }
    }

    @Override
    public void send(byte[] reply) {
      channel.writeAndFlush(channel.alloc().buffer(reply.length).writeBytes(reply));
    }
  }
}
