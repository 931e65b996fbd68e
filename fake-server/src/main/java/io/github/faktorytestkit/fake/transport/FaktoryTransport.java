package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A listening socket that speaks Faktory's framing (lines in, RESP out) and hands every connection to a
 * {@link SessionFactory}. It knows nothing of Faktory's commands.
 *
 * <p>The socket is bound with the JDK and served by Netty, on one daemon event-loop group all transports of a JVM
 * share. In a cold JVM the first connections do not wait for Netty's classes ({@link ColdStart}): until Netty has
 * warmed up on a thread of its own, they are accepted and served on plain JDK sockets, each for its whole life (by one
 * thread and selector for all of them), with the same framing and semantics; then the socket, still listening, goes
 * to Netty. In the standalone jar ({@link #useStandaloneDefaults()}) plain sockets stay on the JDK's selector for
 * good and only TLS is served by Netty, so that a jar serving no TLS never loads it. Instances are thread-safe.
 */
public final class FaktoryTransport implements AutoCloseable {
  /**
   * The default longest accepted line, 128 MiB without the terminator. Real Faktory 1.9.4 has no line limit of its
   * own (a {@code bufio.Reader} of 4 KiB and {@code ReadString('\n')}, before HELLO too); the first limit a job
   * meets there is Redis's longest string, 512 MB. Clients send jobs of a few KiB, at most tens of MB (a 50 MB PUSH
   * is accepted and served back by real Faktory): 128 MiB takes those with room to spare while keeping one
   * connection's buffered line, and the heap it needs, a quarter of what Redis would take.
   */
  public static final int DEFAULT_MAX_LINE_LENGTH = 128 * 1024 * 1024;

  /** The largest value {@link #start} accepts for the line limit (512 MiB, the longest Redis string, minus 2). */
  public static final int MAX_LINE_LENGTH_LIMIT = Pipelines.MAX_LINE_LENGTH_LIMIT;

  static {
    NettyDefaults.apply();
  }

  private final ServerSocketChannel listening;
  private final InetSocketAddress localAddress;
  private final int maxLineLength;
  private final TlsCredentials tls;
  private final SessionFactory sessions;
  private final boolean ownsAcceptor;
  private final AtomicInteger nextIndex = new AtomicInteger();
  private final Set<EarlyConnection> early = ConcurrentHashMap.newKeySet();
  private final EarlyAcceptor.Listener listener = new Listener();
  /** Guarded by this: the acceptor watching the socket, Netty once it serves it, and whether closed. */
  private EarlyAcceptor acceptor;
  private NettyServer netty;
  private boolean closed;

  private FaktoryTransport(ListeningSockets.Listening listening, int maxLineLength, TlsCredentials tls,
      SessionFactory sessions, boolean ownsAcceptor) {
    this.listening = listening.channel();
    this.localAddress = listening.address();
    this.maxLineLength = maxLineLength;
    this.tls = tls;
    this.sessions = sessions;
    this.ownsAcceptor = ownsAcceptor;
  }

  /**
   * Gives the transport the standalone jar's settings: plain sockets served on the JDK's selector for good, never by
   * Netty ({@code ColdStart}), so that Netty is loaded only when TLS is served; and, where not given on the command
   * line, Netty's native transport where it loads ({@code SharedEventLoop}) and no buffer leak tracking
   * ({@code NettyDefaults}). Call first thing in a main that serves, before any transport starts; a test's JVM hands
   * plain sockets to Netty once it is warm, and keeps NIO and Netty's leak tracking.
   */
  public static void useStandaloneDefaults() {
    ColdStart.keepPlainEarly();
    NettyDefaults.applyStandalone();
    NettyDefaults.preferNative();
  }

  /**
   * In a cold JVM, starts loading the JDK's socket classes on a daemon thread, for a transport that starts soon after
   * (call it before the work that precedes the start); does nothing on later calls. Returns at once.
   */
  public static void prepare() {
    ColdStart.prepareJdkSockets();
  }

  /**
   * Waits up to {@code timeoutMillis} until the cold start is over, without starting anything: the first connection
   * was greeted, and, unless plain sockets stay on the JDK's selector ({@link #useStandaloneDefaults()}), Netty has
   * warmed up and serves every transport. Returns whether it is over (false also in a JVM where no plain transport
   * started, or none was connected to). For the jar's main, which tunes its JVM only then.
   */
  public static boolean awaitColdStartOver(long timeoutMillis) throws InterruptedException {
    return ColdStart.awaitOver(timeoutMillis);
  }

  /**
   * Binds {@code address} and starts accepting connections; returns once the socket is bound and listening, without
   * waiting for Netty (TLS does wait).
   *
   * @param address where to listen; port 0 picks a free port
   * @param maxLineLength the longest accepted line in bytes, terminator excluded; a longer line gets an error reply
   *     and the connection closes (1 to {@link #MAX_LINE_LENGTH_LIMIT})
   * @param tls the certificate and key to serve TLS only with, or null for plain TCP only
   * @param sessions opens the session of each accepted connection
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static FaktoryTransport start(InetSocketAddress address, int maxLineLength, TlsCredentials tls,
      SessionFactory sessions) {
    FaktoryTransport transport = bind(address, maxLineLength, tls, sessions, false);
    EarlyAcceptor watching = tls == null ? ColdStart.watch(transport.listener) : null;
    transport.serve(watching);
    return transport;
  }

  /** Starts a plain transport served by Netty from its first connection on (Netty's warm-up, tests). */
  static FaktoryTransport startOnNetty(InetSocketAddress address, int maxLineLength, SessionFactory sessions) {
    FaktoryTransport transport = bind(address, maxLineLength, null, sessions, false);
    transport.serve(null);
    return transport;
  }

  /**
   * Starts a plain transport whose every connection is served as before Netty was ready, by an acceptor of its own
   * that never hands over, on two loops in turn as the standalone jar's on two cores (tests of that path).
   */
  static FaktoryTransport startEarlyOnly(InetSocketAddress address, int maxLineLength, SessionFactory sessions) {
    EarlyAcceptor twoLoops = EarlyAcceptor.start("faktory-fake-early-accept-only", EarlyAcceptor.NOBODY_TOLD, 2);
    return startWatchedBy(twoLoops, true, address, maxLineLength, sessions);
  }

  /** Starts a plain transport watched by {@code acceptor} until it ends (tests of the hand-over). */
  static FaktoryTransport startWatchedBy(EarlyAcceptor acceptor, InetSocketAddress address, int maxLineLength,
      SessionFactory sessions) {
    return startWatchedBy(acceptor, false, address, maxLineLength, sessions);
  }

  private static FaktoryTransport startWatchedBy(EarlyAcceptor acceptor, boolean ownsAcceptor,
      InetSocketAddress address, int maxLineLength, SessionFactory sessions) {
    FaktoryTransport transport = bind(address, maxLineLength, null, sessions, ownsAcceptor);
    acceptor.watch(transport.listener);
    transport.serve(acceptor);
    return transport;
  }

  private static FaktoryTransport bind(InetSocketAddress address, int maxLineLength, TlsCredentials tls,
      SessionFactory sessions, boolean ownsAcceptor) {
    if (maxLineLength < 1 || maxLineLength > MAX_LINE_LENGTH_LIMIT) {
      throw new IllegalArgumentException(
          "maxLineLength: " + maxLineLength + " (expected: 1.." + MAX_LINE_LENGTH_LIMIT + ")");
    }
    return new FaktoryTransport(ListeningSockets.bind(address), maxLineLength, tls, sessions, ownsAcceptor);
  }

  /** Records the acceptor watching the socket, or, when none does, hands the socket to Netty now. */
  private synchronized void serve(EarlyAcceptor watching) {
    if (watching != null) {
      acceptor = watching;
      return;
    }
    try {
      netty = NettyServer.serve(listening, maxLineLength, tls, sessions, nextIndex);
    } catch (RuntimeException e) {
      closeQuietly(listening);
      throw e;
    }
  }

  /** Returns the bound address, with the actual port when port 0 was requested. */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /**
   * Stops listening and closes every open connection; blocks until done. Idempotent. Must not be called from a
   * network thread (a session's or interceptor's callback).
   */
  @Override
  public void close() {
    NettyServer served;
    EarlyAcceptor watching;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      served = netty;
      watching = acceptor;
    }
    if (served != null) {
      served.close();
    } else {
      closeQuietly(listening);
      watching.forget(listener);
      if (ownsAcceptor) {
        watching.end();
      }
    }
    List<EarlyConnection> open = List.copyOf(early);
    open.forEach(EarlyConnection::close);
    open.forEach(EarlyConnection::awaitEnd);
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    ListeningSockets.closeQuietly(channel);
  }

  /** The socket as the early acceptor sees it. */
  private final class Listener implements EarlyAcceptor.Listener {
    /**
     * Forgets an early connection once it ended: a class of its own, not a method reference, whose class a cold JVM
     * would spin on its first connection's way to the greeting.
     */
    private final Consumer<EarlyConnection> forgetEnded = new Consumer<>() {
      @Override
      public void accept(EarlyConnection ended) {
        early.remove(ended);
      }
    };

    @Override
    public ServerSocketChannel channel() {
      return listening;
    }

    @Override
    public void accepted(SocketChannel connection, EarlyAcceptor acceptor) {
      EarlyConnection served;
      synchronized (FaktoryTransport.this) {
        int index = nextIndex.getAndIncrement();
        if (closed) {
          // accepted while the transport closed, after its connections were closed
          closeQuietly(connection);
          return;
        }
        served = new EarlyConnection(connection, index, maxLineLength, sessions, acceptor.loopFor(index),
            forgetEnded);
        early.add(served);
      }
      served.start(); // outside the lock: the session opens and greets on its loop's thread (now, on the first)
    }

    @Override
    public void handOver() {
      synchronized (FaktoryTransport.this) {
        if (!closed && netty == null) {
          try {
            netty = NettyServer.serve(listening, maxLineLength, tls, sessions, nextIndex);
          } catch (RuntimeException e) {
            // nothing would accept on the socket: closed, a client is refused at once instead of waiting in the backlog
            LoggerFactory.getLogger(FaktoryTransport.class).warn("Netty cannot serve {}", localAddress, e);
            closeQuietly(listening);
          }
        }
      }
    }
  }
}
