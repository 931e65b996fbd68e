package io.github.faktorytestkit.fake.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event-loop group every fake server in the JVM shares: created on first use, made of daemon threads, never
 * shut down, so starting many fakes in one test run costs no threads per server.
 */
final class SharedEventLoop {
  private SharedEventLoop() {}

  /** Returns the shared group, creating it on the first call. Thread-safe. */
  static EventLoopGroup group() {
    return Holder.GROUP;
  }

  private static final class Holder {
    static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
        new DefaultThreadFactory("faktory-fake", true), NioIoHandler.newFactory());
  }
}
