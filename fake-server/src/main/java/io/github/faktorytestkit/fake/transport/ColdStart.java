package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.protocol.Reply;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the first connections of a cold JVM from waiting for Netty. Netty's first server loads and initialises about
 * 1,100 classes in the interpreter (about 150 ms of a fresh JVM here, more than real Faktory needs to start), so
 * until {@link NettyWarmUp} has run on a daemon thread every transport's listening socket is watched by one shared
 * {@link EarlyAcceptor}, whose connections are served on plain JDK sockets ({@link EarlyConnection}) for their whole
 * life. The warm-up begins once the first of those connections was greeted ({@link #greeted()}), not when the first
 * transport starts: on a machine of two cores it would otherwise load its classes, and feed the JIT compilers, while
 * that first connection is being accepted and greeted. Once Netty is warm the acceptor hands every socket to Netty,
 * and later transports go to Netty at once.
 *
 * <p>In the standalone jar ({@link #keepPlainEarly()}) there is no warm-up and no hand-over: the acceptor serves every
 * plain socket for good, on one loop per core ({@link #servingLoops()}), so a JVM serving no TLS never loads Netty
 * (about 700 classes and 10 MB resident at idle), and only a TLS transport, which Netty serves from its start, loads
 * it. Thread-safe.
 */
final class ColdStart {
  /** What the shared acceptor tells once a connection's greeting is written. */
  private static final Runnable GREETED = new Runnable() {
    @Override
    public void run() {
      greeted();
    }
  };

  /** The most threads that serve plain connections when they stay early ({@link #servingLoops()}). */
  private static final int MAX_LOOPS = 4;

  /** Counted down once Netty is warm and has every socket the acceptor watched. */
  private static final CountDownLatch OVER = new CountDownLatch(1);

  /**
   * Opens and closes the JDK's socket channels, which loads and initialises their classes, and starts the shared
   * acceptor (its selector, its thread), so that the first transport binds, and is watched, without waiting for them.
   */
  private static final Runnable PREPARE_JDK_SOCKETS = new Runnable() {
    @Override
    public void run() {
      try (ServerSocketChannel listening = ServerSocketChannel.open()) {
        startAcceptor();
        SocketChannel.open().close();
      } catch (IOException e) {
        // the transport's own bind reports what is wrong
      }
    }
  };

  /** Whether plain sockets stay on the shared acceptor for good ({@link #keepPlainEarly()}). */
  private static volatile boolean plainStaysEarly;
  /** Whether the JDK's socket classes were asked for ({@link #prepareJdkSockets()}). */
  private static volatile boolean jdkSocketsAsked;
  private static EarlyAcceptor acceptor;
  private static boolean nettyReady;
  /** The warm-up's thread once started: read without the lock by every early greeting. */
  private static volatile Thread warmUp;

  private ColdStart() {}

  /**
   * Has the shared acceptor serve every plain socket for good, and Netty never warm up for them: the standalone
   * jar's choice, made before its first transport starts. The cold start is then over once the first connection
   * was greeted.
   */
  static void keepPlainEarly() {
    plainStaysEarly = true;
  }

  /**
   * Starts loading the JDK's socket classes, and the shared acceptor, on a daemon thread the first time it is called
   * in a JVM; returns at once. The sockets' first use looks the selector provider up as a service, through the class
   * path and the runtime image (hundreds of classes and their initialisers in a cold JVM), and the acceptor opens a
   * selector and starts a thread: asked for first thing, that runs while the caller builds what it needs before it
   * binds. The acceptor then waits for sockets to watch, idle (a JVM serving TLS only leaves it so).
   */
  static void prepareJdkSockets() {
    if (jdkSocketsAsked) {
      return;
    }
    synchronized (ColdStart.class) {
      if (jdkSocketsAsked) {
        return;
      }
      jdkSocketsAsked = true;
    }
    Thread preparing = new Thread(PREPARE_JDK_SOCKETS, "faktory-fake-jdk-sockets");
    preparing.setDaemon(true);
    preparing.start();
  }

  /**
   * Has the shared acceptor watch {@code listener} and returns it, or returns null when Netty is ready (the caller
   * serves on Netty). Netty's warm-up starts once the acceptor's first connection was greeted.
   */
  static synchronized EarlyAcceptor watch(EarlyAcceptor.Listener listener) {
    if (nettyReady) {
      return null;
    }
    startAcceptor();
    acceptor.watch(listener);
    return acceptor;
  }

  /**
   * How many threads serve the plain connections when they stay early: one per core, up to {@value #MAX_LOOPS}. On
   * two cores Go's {@code load 30000 10} against the launcher went from 17,700 jobs/s (one loop) to 19,600 (two,
   * medians of 10 interleaved runs each; 20,300 → 22,500 over 5 in a quieter hour): the loops' socket writes, 40% of
   * the server's CPU, run side by side, while the model takes its lock as before (CPU per run 1.36 → 1.55 s). A
   * hand-over to Netty serves on Netty's loops instead.
   */
  private static int servingLoops() {
    return Math.max(1, Math.min(MAX_LOOPS, Runtime.getRuntime().availableProcessors()));
  }

  /** Starts the shared acceptor unless it runs or Netty is ready. */
  private static synchronized void startAcceptor() {
    if (acceptor == null && !nettyReady) {
      acceptor = EarlyAcceptor.start("faktory-fake-early-accept", GREETED, plainStaysEarly ? servingLoops() : 1);
    }
  }

  /**
   * Starts Netty's warm-up unless it was started, or ends the cold start when plain sockets stay early: an early
   * connection's greeting has been written.
   */
  static void greeted() {
    if (plainStaysEarly) {
      OVER.countDown();
      return;
    }
    if (warmUp != null) {
      return;
    }
    synchronized (ColdStart.class) {
      if (warmUp == null && !nettyReady) {
        startWarmUp();
      }
    }
  }

  /** Waits until {@code acceptor} handed every socket to Netty, so that {@link #awaitNettyReady()} means that too. */
  private static void awaitEnd(EarlyAcceptor acceptor) {
    try {
      acceptor.awaitHandedOver();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits up to {@code timeoutMillis} until the cold start is over, without starting anything: Netty's warm-up is
   * done and the sockets watched meanwhile are Netty's, or, when plain sockets stay early, the first connection was
   * greeted. Returns whether it is over.
   */
  static boolean awaitOver(long timeoutMillis) throws InterruptedException {
    return OVER.await(timeoutMillis, TimeUnit.MILLISECONDS);
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
      OVER.countDown();
    }
  }
}
