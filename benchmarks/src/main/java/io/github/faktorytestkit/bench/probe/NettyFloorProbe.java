package io.github.faktorytestkit.bench.probe;

import io.github.faktorytestkit.bench.Wire;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Run in a fresh JVM: the floor under the first {@code FakeFaktory.start()}. Times a bare Netty server (the
 * fake's event-loop group, channel and bootstrap, a handler that writes {@code +HI}: no fake) from its creation to
 * the first {@code +HI} a client reads, then the first {@code FakeFaktory.start()} in that JVM, now that Netty's
 * classes are loaded. Prints {@code netty <ms>} and {@code fake <ms>}: what Netty costs, and what the fake adds.
 */
public final class NettyFloorProbe {
  private static final byte[] GREETING = "+HI {\"v\":2}\r\n".getBytes(StandardCharsets.US_ASCII);

  private NettyFloorProbe() {}

  /** Prints the two times. */
  public static void main(String[] args) throws Exception {
    System.setProperty("io.netty.jfr.enabled", "false"); // as the fake sets it (NettyDefaults)
    long start = System.nanoTime();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new Greeter());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    try (Wire wire = Wire.connect(((InetSocketAddress) server.localAddress()).getPort())) {
      wire.expect("+HI");
    }
    System.out.println("netty " + (System.nanoTime() - start) / 1e6);
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    start = System.nanoTime();
    try (FakeFaktory faktory = FakeFaktory.start(); Wire wire = Wire.connect(faktory.port())) {
      wire.expect("+HI");
    }
    System.out.println("fake " + (System.nanoTime() - start) / 1e6);
  }

  /** Greets each connection as Faktory does, and nothing else. */
  private static final class Greeter extends ChannelInboundHandlerAdapter {
    @Override
    public void channelActive(ChannelHandlerContext context) {
      context.writeAndFlush(Unpooled.wrappedBuffer(GREETING));
    }
  }
}
