package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Socket;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class JdkSocketsTest {

  @Test
  void theDescriptorFoundIsTheListeningSocketNotAConnectionItAccepted() throws Exception {
    assumeTrue(Epoll.isAvailable() && JdkSockets.fdReadable(), "Linux with Netty's native transport");
    try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        SocketChannel client = SocketChannel.open(listening.getLocalAddress());
        SocketChannel accepted = listening.accept()) {
      int fd = JdkSockets.fd(listening);

      Socket found = new Socket(fd);
      assertThat(found.localAddress()).isEqualTo(listening.getLocalAddress());
      assertThat(found.remoteAddress()).as("a listening socket has no peer").isNull();
      assertThat(accepted.getLocalAddress()).as("the accepted connection shares the address")
          .isEqualTo(listening.getLocalAddress());
    }
  }

  @Test
  void aSocketBoundToEveryInterfaceIsFoundToo() throws Exception {
    assumeTrue(Epoll.isAvailable() && JdkSockets.fdReadable(), "Linux with Netty's native transport");
    try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(0))) {
      assertThat(new Socket(JdkSockets.fd(listening)).localAddress()).isEqualTo(listening.getLocalAddress());
    }
  }

  @Test
  void twoListeningSocketsAreToldApartByTheirPorts() throws Exception {
    assumeTrue(Epoll.isAvailable() && JdkSockets.fdReadable(), "Linux with Netty's native transport");
    try (ServerSocketChannel first = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        ServerSocketChannel second = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
      assertThat(JdkSockets.fd(first)).isNotEqualTo(JdkSockets.fd(second));
      assertThat(new Socket(JdkSockets.fd(second)).localAddress()).isEqualTo(second.getLocalAddress());
    }
  }
}
