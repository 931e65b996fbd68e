package io.github.faktorytestkit.fake.standalone;

import com.sun.net.httpserver.HttpExchange;
import io.github.faktorytestkit.fake.ServerState;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /busy}: signals workers as Faktory's Web UI does. Form field {@code wid} names a worker or is
 * {@code all}, {@code signal} is {@code quiet} or {@code terminate}; the answer is a 302 to {@code /busy}. An
 * unknown worker is ignored; an unknown signal is a 500. Form fields may come in the body or the query, the body
 * winning, as with Go's {@code FormValue}.
 */
final class BusyEndpoint {
  private final ServerState state;

  BusyEndpoint(ServerState state) {
    this.state = state;
  }

  /** Answers the request; anything but POST gets 405 (the fake has no HTML page). */
  void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      HttpResponses.error(exchange, 405, "post only");
      return;
    }
    Map<String, String> form = form(exchange);
    String wid = form.getOrDefault("wid", "");
    String signal = form.getOrDefault("signal", "");
    if (!wid.isEmpty()) {
      if (!signal.equals("quiet") && !signal.equals("terminate")) {
        HttpResponses.error(exchange, 500, "Invalid signal: " + signal);
        return;
      }
      if (signal.equals("quiet")) {
        state.quiet(wid);
      } else {
        state.terminate(wid);
      }
    }
    String root = exchange.getRequestHeaders().getFirst("X-Script-Name");
    HttpResponses.found(exchange, (root == null ? "" : root) + "/busy");
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    Map<String, String> form = new HashMap<>();
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      parseInto(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), form);
    }
    parseInto(exchange.getRequestURI().getRawQuery(), form);
    return form;
  }

  private static void parseInto(String encoded, Map<String, String> form) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      form.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
