package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Netty serving a listening socket the JDK bound ({@link FaktoryTransport}, {@link HttpsRelay}): the socket is
 * registered on the shared group as it is, already listening, so no connection waiting in its backlog is lost, and
 * each accepted connection gets a pipeline of {@link Pipelines}. Thread-safe.
 */
final class NettyServer {
  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final OpenSessions open;
  private final AtomicBoolean closing;

  private NettyServer(Channel serverChannel, ChannelGroup connections, OpenSessions open, AtomicBoolean closing) {
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.open = open;
    this.closing = closing;
  }

  /**
   * Starts accepting on {@code listening} (bound, non-blocking); blocks until registered. Connection indexes come
   * from {@code nextIndex}, shared with the connections accepted before.
   */
  static NettyServer serve(ServerSocketChannel listening, int maxLineLength, TlsCredentials tls,
      SessionFactory sessions, AtomicInteger nextIndex) {
    OpenSessions open = new OpenSessions();
    SessionFactory counted = open.counting(sessions);
    return serve(listening, open,
        pipeline -> Pipelines.configure(pipeline, maxLineLength, tls, counted, nextIndex.getAndIncrement()));
  }

  /**
   * Starts accepting on {@code listening} (bound, non-blocking), each connection served with TLS and relayed to
   * {@code target} ({@link Pipelines#configureRelay}); blocks until registered.
   */
  static NettyServer relay(ServerSocketChannel listening, TlsCredentials tls, InetSocketAddress target) {
    return serve(listening, new OpenSessions(), pipeline -> Pipelines.configureRelay(pipeline, tls, target));
  }

  private static NettyServer serve(ServerSocketChannel listening, OpenSessions open,
      Consumer<ChannelPipeline> pipelines) {
    ChannelGroup connections = new DefaultChannelGroup("faktory-fake-connections", GlobalEventExecutor.INSTANCE);
    AtomicBoolean closing = new AtomicBoolean();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(SharedEventLoop.group())
        .channelFactory(() -> SharedEventLoop.serverChannel(listening))
        // a client that shuts down its sending side still gets every answer, as from real Faktory (SessionHandler)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            connections.add(channel);
            if (closing.get()) {
              // accepted before listening stopped, registered after the group was closed: never served
              channel.close();
              return;
            }
            pipelines.accept(channel.pipeline());
          }
        });
    ChannelFuture registered = bootstrap.register().awaitUninterruptibly();
    if (registered.cause() != null) {
      Throwable cause = registered.cause();
      throw new UncheckedIOException("register: " + listening + " (expected: a listening socket)",
          cause instanceof IOException io ? io : new IOException(cause));
    }
    return new NettyServer(registered.channel(), connections, open, closing);
  }

  /** Stops listening and closes every connection Netty accepted; blocks until each one's session was told. */
  void close() {
    closing.set(true);
    serverChannel.close().awaitUninterruptibly();
    connections.close().awaitUninterruptibly();
    open.awaitNone();
  }
}
