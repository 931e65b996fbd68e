package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket that speaks Faktory's framing (lines in, RESP out) and hands every connection to a
 * {@link SessionFactory}. It knows nothing of Faktory's commands.
 *
 * <p>All transports of a JVM share one daemon event-loop group. Instances are thread-safe.
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

  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final AtomicBoolean closed;

  private FaktoryTransport(Channel serverChannel, ChannelGroup connections, AtomicBoolean closed) {
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.closed = closed;
  }

  /**
   * Gives Netty the standalone jar's settings, where not given on the command line: the native transport where it
   * loads ({@code SharedEventLoop}) and no buffer leak tracking ({@code NettyDefaults}); and TLS handshake messages
   * of up to 64 KiB, as Go takes them ({@code TlsDefaults}). Call first thing in a main that serves, before any
   * transport starts; a test's JVM keeps NIO, Netty's leak tracking and the JVM's TLS limit.
   */
  public static void useStandaloneDefaults() {
    NettyDefaults.applyStandalone();
    TlsDefaults.applyStandalone();
    SharedEventLoop.preferNative();
  }

  /**
   * Binds {@code address} and starts accepting connections; blocks until the socket is bound.
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
    if (maxLineLength < 1 || maxLineLength > MAX_LINE_LENGTH_LIMIT) {
      throw new IllegalArgumentException(
          "maxLineLength: " + maxLineLength + " (expected: 1.." + MAX_LINE_LENGTH_LIMIT + ")");
    }
    ChannelGroup connections = new DefaultChannelGroup("faktory-fake-connections", GlobalEventExecutor.INSTANCE);
    AtomicInteger nextIndex = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(SharedEventLoop.group())
        .channel(SharedEventLoop.serverChannelType())
        // a client that shuts down its sending side still gets every answer, as from real Faktory (SessionHandler)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            connections.add(channel);
            if (closed.get()) {
              // accepted while the transport closed, after the group was closed
              channel.close();
            }
            Pipelines.configure(channel.pipeline(), maxLineLength, tls, sessions, nextIndex.getAndIncrement());
          }
        });
    return new FaktoryTransport(bind(bootstrap, address), connections, closed);
  }

  private static Channel bind(ServerBootstrap bootstrap, InetSocketAddress address) {
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    Throwable cause = bound.cause();
    if (cause == null) {
      return bound.channel();
    }
    IOException failure = cause instanceof IOException io ? io : new IOException(cause);
    throw new UncheckedIOException("address: " + address + " (expected: a free address to bind)", failure);
  }

  /** Returns the bound address, with the actual port when port 0 was requested. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /**
   * Stops listening and closes every open connection; blocks until done. Idempotent. Must not be called from a
   * network thread (a session's or interceptor's callback).
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      serverChannel.close().awaitUninterruptibly();
      connections.close().awaitUninterruptibly();
    }
  }
}
