package io.github.faktorytestkit.fake.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.faktorytestkit.fake.FakeFaktory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The two endpoints of Faktory's Web UI that scripts use, on the JDK's HTTP server: {@code GET /health} (no auth)
 * and {@code POST /busy} (quiet or terminate workers; Basic auth when the server has a password; cross-origin
 * requests refused as Go's {@code CrossOriginProtection} does); with {@code -testkit-admin}, the test controls under
 * {@code /testkit/} ({@link AdminEndpoint}), guarded as {@code /busy} is. Every other path answers 404.
 */
final class WebEndpoints implements AutoCloseable {
  private final HttpServer server;

  private WebEndpoints(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving on {@code address} for {@code faktory}.
   *
   * @param password the Basic-auth password for {@code /busy}; empty for none
   * @param tls the context to serve HTTPS only with; empty for HTTP
   * @param admin whether to serve the test controls under {@code /testkit/} ({@link AdminEndpoint})
   * @throws UncheckedIOException when the address cannot be bound
   */
  static WebEndpoints start(InetSocketAddress address, FakeFaktory faktory, String password,
      Optional<SSLContext> tls, boolean admin) {
    HttpServer server;
    try {
      server = tls.isEmpty() ? HttpServer.create(address, 0) : https(address, tls.get());
    } catch (IOException e) {
      throw new UncheckedIOException("address: " + address + " (expected: a free address to bind)", e);
    }
    HealthEndpoint health = new HealthEndpoint(faktory);
    BusyEndpoint busy = new BusyEndpoint(faktory.state());
    AdminEndpoint controls = admin ? new AdminEndpoint(faktory) : null;
    server.createContext("/", exchange -> route(exchange, new Routes(health, busy, controls), password));
    server.start();
    return new WebEndpoints(server);
  }

  private static HttpsServer https(InetSocketAddress address, SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(address, 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return server;
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
    return server.getAddress();
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
