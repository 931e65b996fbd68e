package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.protocol.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletionStage;

/**
 * Loads and initialises what Netty's first connection needs, off the path of any client ({@link ColdStart}): the
 * shared event-loop group, a listening socket handed to it as a transport's is, and one loopback session through a
 * connection's whole pipeline (accept, greeting, one line read and answered, the close).
 */
final class NettyWarmUp {
  private static final int LINE_LIMIT = 64;

  private NettyWarmUp() {}

  /** Runs the warm-up; returns when it is done, or failed (the first real connection then pays what is left). */
  static void run() {
    try (FaktoryTransport transport = FaktoryTransport.startOnNetty(new InetSocketAddress("127.0.0.1", 0), LINE_LIMIT,
        connection -> new Session());
        SocketChannel client = SocketChannel.open(transport.localAddress())) {
      client.write(ByteBuffer.wrap(new byte[] {'W', '\r', '\n'}));
      ByteBuffer replies = ByteBuffer.allocate(LINE_LIMIT);
      while (client.read(replies) >= 0) {
        replies.clear();
      }
    } catch (IOException | UncheckedIOException e) {
      // nothing to warm up with: the first connection on Netty loads the rest
    }
  }

  /** Greets, answers one line with +OK, and closes. */
  private static final class Session implements ServerSession {
    @Override
    public Reply greeting() {
      return Reply.simple("HI");
    }

    @Override
    public CompletionStage<Outcome> handle(String line) {
      return Outcome.done(Outcome.sendAndClose(Reply.OK));
    }

    @Override
    public void closed() {
      // nothing to release
    }
  }
}
