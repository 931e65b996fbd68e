package io.github.faktorytestkit.fake.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.nio.channels.ServerSocketChannel;

/**
 * The event-loop group every fake server in the JVM shares: created on first use, made of daemon threads, never
 * shut down, so starting many fakes in one test run costs no threads per server.
 *
 * <p>In the standalone jar ({@link NettyDefaults#preferNative()}) it runs Netty's native epoll transport where that
 * loads (Linux on x86-64, unless {@code -Dio.netty.transport.noNative=true}): under Go's {@code load} epoll's reads
 * and writes cost the event loops less than NIO's selector and channel layers. Elsewhere, in a test's JVM, it runs NIO: loading
 * the native library (extracted from the jar to a temporary file) and its classes adds about 100 ms to the first
 * start of a fake, more than a test's traffic gains.
 *
 * <p>The threads get a 16 MiB stack: the model decodes and re-encodes job JSON recursively, and Go accepts nesting
 * up to 10000 levels, which needs about 8 MiB (the default 1 MiB overflows near 1500 levels).
 */
final class SharedEventLoop {
  /** The stack of every thread that runs sessions (the {@link EarlyAcceptor}'s too). */
  static final long STACK_BYTES = 16L << 20;

  private SharedEventLoop() {}

  /** Returns the shared group, creating it on the first call. Thread-safe. */
  static EventLoopGroup group() {
    return Holder.GROUP;
  }

  /**
   * Returns a listening channel of {@link #group()}'s kind for {@code listening}, a JDK socket already bound and
   * non-blocking: NIO wraps it, epoll takes over its file descriptor ({@link JdkSockets}).
   */
  static ServerChannel serverChannel(ServerSocketChannel listening) {
    return Holder.EPOLL ? new EpollServerSocketChannel(JdkSockets.fd(listening)) : new NioServerSocketChannel(listening);
  }

  /** Returns an unconnected socket channel of {@link #group()}'s kind, for connections the fake makes itself. */
  static Channel socketChannel() {
    return Holder.EPOLL ? new EpollSocketChannel() : new NioSocketChannel();
  }

  private static final class Holder {
    static final boolean EPOLL = NettyDefaults.nativePreferred() && Epoll.isAvailable() && JdkSockets.fdReadable();
    static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(threads(), new DeepStackThreads(), ioHandlers());

    private static IoHandlerFactory ioHandlers() {
      return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }
  }

  /**
   * One thread per core unless {@code io.netty.eventLoopThreads} says otherwise (netty's default is two per core).
   * Every command takes the model's one lock, so more threads than cores add lock hand-offs and context switches,
   * not throughput: under Go's {@code load} on 2 cores the fake used about a tenth less CPU with 2 threads than 4.
   */
  private static int threads() {
    return Integer.getInteger("io.netty.eventLoopThreads", Runtime.getRuntime().availableProcessors());
  }

  /** Netty's daemon thread factory, with {@link #STACK_BYTES} of stack per thread. */
  private static final class DeepStackThreads extends DefaultThreadFactory {
    DeepStackThreads() {
      super("faktory-fake", true);
    }

    @Override
    protected Thread newThread(Runnable task, String name) {
      return new FastThreadLocalThread(threadGroup, task, name, STACK_BYTES);
    }
  }
}
