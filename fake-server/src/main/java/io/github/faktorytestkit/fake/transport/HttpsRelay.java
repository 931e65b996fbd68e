package io.github.faktorytestkit.fake.transport;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * A listening socket serving HTTPS's TLS as Go's {@code net/http} serves it: TLS as the command port serves it (Go's
 * server, {@link GoClientHello} and {@link TlsProtocolHandler}), a client speaking plain HTTP answered as Go answers
 * it ({@link GoMisdirectedHttp}), and every connection's plaintext relayed, both ways, to a plain HTTP server at a
 * local address ({@link RelayHandler}; half-closes and closes passed on). The standalone jar's web endpoints are
 * served so over TLS, as real Faktory's Web UI is over Go's {@code crypto/tls}. Thread-safe.
 */
public final class HttpsRelay implements AutoCloseable {
  static {
    NettyDefaults.apply();
  }

  private final InetSocketAddress localAddress;
  private final NettyServer netty;

  private HttpsRelay(InetSocketAddress localAddress, NettyServer netty) {
    this.localAddress = localAddress;
    this.netty = netty;
  }

  /**
   * Binds {@code address} and starts serving; returns once Netty serves the socket.
   *
   * @param address where to listen; port 0 picks a free port
   * @param tls the certificate and key to serve TLS with
   * @param target the plain TCP server each connection's plaintext is relayed to
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static HttpsRelay start(InetSocketAddress address, TlsCredentials tls, InetSocketAddress target) {
    ListeningSockets.Listening listening = ListeningSockets.bind(address);
    try {
      return new HttpsRelay(listening.address(), NettyServer.relay(listening.channel(), tls, target));
    } catch (RuntimeException e) {
      ListeningSockets.closeQuietly(listening.channel());
      throw e;
    }
  }

  /** Returns the bound address, with the actual port when port 0 was requested. */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Stops listening and closes every relayed connection; blocks until done. Idempotent. */
  @Override
  public void close() {
    netty.close();
  }
}
