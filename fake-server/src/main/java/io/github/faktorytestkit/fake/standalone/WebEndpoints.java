package io.github.faktorytestkit.fake.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.transport.TlsCredentials;
import io.github.faktorytestkit.fake.transport.HttpsRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The two endpoints of Faktory's Web UI that scripts use, on the JDK's HTTP server: {@code GET /health} (no auth)
 * and {@code POST /busy} (quiet or terminate workers; Basic auth when the server has a password; cross-origin
 * requests refused as Go's {@code CrossOriginProtection} does); with {@code -testkit-admin}, the test controls under
 * {@code /testkit/} ({@link AdminEndpoint}), guarded as {@code /busy} is. Every other path answers 404.
 *
 * <p>HTTPS is served as the command port serves TLS, by the fake's Go-faithful stack: the HTTP server then listens
 * on a loopback port of its own that nobody is told of, behind a {@link HttpsRelay} listening on the web address.
 */
final class WebEndpoints implements AutoCloseable {
  private final HttpServer server;
  /** The TLS in front of {@link #server}, or null for plain HTTP. */
  private final HttpsRelay relay;

  private WebEndpoints(HttpServer server, HttpsRelay relay) {
    this.server = server;
    this.relay = relay;
  }

  /**
   * Starts serving on {@code address} for {@code faktory}.
   *
   * @param password the Basic-auth password for {@code /busy}; empty for none
   * @param tls the certificate and key to serve HTTPS only with; empty for HTTP
   * @param admin whether to serve the test controls under {@code /testkit/} ({@link AdminEndpoint})
   * @throws UncheckedIOException when the address cannot be bound
   */
  static WebEndpoints start(InetSocketAddress address, FakeFaktory faktory, String password,
      Optional<TlsCredentials> tls, boolean admin) {
    HttpServer server = http(tls.isEmpty() ? address : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    HealthEndpoint health = new HealthEndpoint(faktory);
    BusyEndpoint busy = new BusyEndpoint(faktory.state());
    AdminEndpoint controls = admin ? new AdminEndpoint(faktory) : null;
    server.createContext("/", exchange -> route(exchange, new Routes(health, busy, controls), password));
    server.start();
    if (tls.isEmpty()) {
      return new WebEndpoints(server, null);
    }
    try {
      return new WebEndpoints(server, HttpsRelay.start(address, tls.get(), server.getAddress()));
    } catch (UncheckedIOException e) {
      server.stop(0);
      throw e;
    }
  }

  private static HttpServer http(InetSocketAddress address) {
    try {
      return HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("address: " + address + " (expected: a free address to bind)", e);
    }
  }

  /** The handlers behind the paths; {@code admin} is null when the test controls are off. */
  private record Routes(HealthEndpoint health, BusyEndpoint busy, AdminEndpoint admin) {}

  private static void route(HttpExchange exchange, Routes routes, String password) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean admin = routes.admin() != null && path.startsWith(AdminEndpoint.PREFIX);
      if (path.equals("/health")) {
        routes.health().handle(exchange);
      } else if (!path.equals("/busy") && !admin) {
        HttpResponses.error(exchange, 404, "404 page not found");
      } else if (WebAccess.allowed(exchange, password)) {
        if (admin) {
          routes.admin().handle(exchange);
        } else {
          routes.busy().handle(exchange);
        }
      }
    }
  }

  /** Returns the bound address, with the actual port when port 0 was requested. */
  InetSocketAddress address() {
    return relay == null ? server.getAddress() : relay.localAddress();
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    if (relay != null) {
      relay.close();
    }
    server.stop(0);
  }
}
