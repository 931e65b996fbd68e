package io.github.faktorytestkit.fake.standalone;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes responses the way Go's net/http writes them for the same cases. */
final class HttpResponses {
  private HttpResponses() {}

  /** Sends {@code status} with {@code message} as plain text, like Go's {@code http.Error}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    send(exchange, status, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends 200 with {@code json}, not cached. */
  static void json(HttpExchange exchange, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    send(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends 302 to {@code location} with no body, as Go's {@code http.Redirect} answers a POST. */
  static void found(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
