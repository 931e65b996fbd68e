package io.github.faktorytestkit.fake.transport;

import java.lang.reflect.Method;
import java.nio.channels.ServerSocketChannel;

/**
 * The file descriptor of a JDK socket channel, which Netty's epoll transport can take over: the JDK's
 * {@code sun.nio.ch.SelChImpl#getFDVal()}, reachable where {@code java.base/sun.nio.ch} is exported to the fake
 * (the standalone jar's manifest, {@code Add-Exports}); elsewhere {@link #fdReadable()} is false and the group runs
 * NIO, which wraps the JDK channel itself. The JDK's channel object keeps the descriptor's number but must never be
 * closed once epoll owns it (NIO channels have no cleaner closing it either).
 */
final class JdkSockets {
  private static final Method FD_VALUE = fdValue();

  private JdkSockets() {}

  /** Returns whether {@link #fd} works in this JVM. */
  static boolean fdReadable() {
    return FD_VALUE != null;
  }

  /** Returns the file descriptor of {@code channel}; only when {@link #fdReadable()}. */
  static int fd(ServerSocketChannel channel) {
    try {
      return (Integer) FD_VALUE.invoke(channel);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("file descriptor of " + channel, e);
    }
  }

  private static Method fdValue() {
    if (!Object.class.getModule().isExported("sun.nio.ch", JdkSockets.class.getModule())) {
      return null;
    }
    try {
      return Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
