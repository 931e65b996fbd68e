package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.protocol.Reply;
import java.util.Objects;

/**
 * Keeps the first connections of a cold JVM from waiting for Netty. Netty's first server loads and initialises about
 * 1,100 classes in the interpreter (about 150 ms of a fresh JVM here, more than real Faktory needs to start), so the
 * first transport to start also starts {@link NettyWarmUp} on a daemon thread, and until that is done every
 * transport's listening socket is watched by one shared {@link EarlyAcceptor}, whose connections are served on plain
 * JDK sockets ({@link EarlyConnection}) for their whole life. Once Netty is warm the acceptor hands every socket to
 * Netty, and later transports go to Netty at once. Thread-safe.
 */
final class ColdStart {
  private static EarlyAcceptor acceptor;
  private static boolean nettyReady;
  private static Thread warmUp;

  private ColdStart() {}

  /**
   * Has the shared acceptor watch {@code listener} and returns it, or returns null when Netty is ready (the caller
   * serves on Netty). Starts Netty's warm-up on first use.
   */
  static synchronized EarlyAcceptor watch(EarlyAcceptor.Listener listener) {
    if (nettyReady) {
      return null;
    }
    if (acceptor == null) {
      acceptor = EarlyAcceptor.start("faktory-fake-early-accept");
      startWarmUp();
    }
    acceptor.watch(listener);
    return acceptor;
  }

  /** Waits until {@code acceptor} handed every socket to Netty, so that {@link #awaitNettyReady()} means that too. */
  private static void awaitEnd(EarlyAcceptor acceptor) {
    try {
      acceptor.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until Netty's warm-up is done and the sockets watched meanwhile are Netty's; starts it when nothing did. */
  static void awaitNettyReady() throws InterruptedException {
    Thread running;
    synchronized (ColdStart.class) {
      if (nettyReady) {
        return;
      }
      if (warmUp == null) {
        startWarmUp();
      }
      running = warmUp;
    }
    running.join();
  }

  private static void startWarmUp() {
    // initialised here first: the warm-up thread and this one both use Reply, whose constants are instances of its
    // nested records, and two threads initialising such a pair from opposite ends would deadlock
    Objects.requireNonNull(Reply.OK);
    warmUp = new Thread(ColdStart::warmUpThenHandOver, "faktory-fake-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private static void warmUpThenHandOver() {
    try {
      NettyWarmUp.run();
    } finally {
      EarlyAcceptor handingOver;
      synchronized (ColdStart.class) {
        nettyReady = true;
        handingOver = acceptor;
        acceptor = null;
      }
      if (handingOver != null) {
        handingOver.end();
        awaitEnd(handingOver);
      }
    }
  }
}
