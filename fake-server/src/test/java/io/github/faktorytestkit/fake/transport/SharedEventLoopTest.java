package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.Epoll;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

class SharedEventLoopTest {

  @Test
  void nettysNativeEpollLibraryLoadsOnLinuxX86() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

    assertThat(Epoll.isAvailable()).as("the native transport the standalone jar runs").isTrue();
  }

  @Test
  void aSocketTheJdkBoundRegistersOnTheGroupAndListens() throws Exception {
    ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    listening.configureBlocking(false);
    ChannelFuture registered = new ServerBootstrap().group(SharedEventLoop.group())
        .channelFactory(() -> SharedEventLoop.serverChannel(listening))
        .childHandler(new ChannelInboundHandlerAdapter()).register().awaitUninterruptibly();
    Channel channel = registered.channel();
    try {
      assertThat(registered.cause()).isNull();
      assertThat(channel.isActive()).isTrue();
      assertThat(channel.localAddress()).isEqualTo(listening.getLocalAddress());
    } finally {
      channel.close().awaitUninterruptibly();
    }
  }
}
