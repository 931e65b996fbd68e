package io.github.faktorytestkit.fake.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * The event-loop group every fake server in the JVM shares: created on first use, made of daemon threads, never
 * shut down, so starting many fakes in one test run costs no threads per server.
 *
 * <p>The threads get a 16 MiB stack: the model decodes and re-encodes job JSON recursively, and Go accepts nesting
 * up to 10000 levels, which needs about 8 MiB (the default 1 MiB overflows near 1500 levels).
 */
final class SharedEventLoop {
  private static final long STACK_BYTES = 16L << 20;

  private SharedEventLoop() {}

  /** Returns the shared group, creating it on the first call. Thread-safe. */
  static EventLoopGroup group() {
    return Holder.GROUP;
  }

  private static final class Holder {
    static final EventLoopGroup GROUP =
        new MultiThreadIoEventLoopGroup(new DeepStackThreads(), NioIoHandler.newFactory());
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
