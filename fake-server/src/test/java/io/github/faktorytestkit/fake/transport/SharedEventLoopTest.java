package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import org.junit.jupiter.api.Test;

class SharedEventLoopTest {

  @Test
  void runsTheNativeEpollTransportOnLinuxX86() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

    assertThat(Epoll.isAvailable()).as("netty's native epoll library loads").isTrue();
    assertThat(SharedEventLoop.serverChannelType()).isEqualTo(EpollServerSocketChannel.class);
  }
}
