package io.github.faktorytestkit.fake.standalone;

import com.sun.net.httpserver.HttpExchange;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.model.ModelSettings;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.protocol.JobJson;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /health}: the readiness probe, in Faktory's shape and key order (Go sorts map keys):
 * {@code {"now":"<RFC 3339, nanoseconds>","server":{"command_count":n,"connections":n,"description":"Faktory",
 * "faktory_version":"1.9.4"}}}.
 */
final class HealthEndpoint {
  private final FakeFaktory faktory;

  HealthEndpoint(FakeFaktory faktory) {
    this.faktory = faktory;
  }

  /** Answers the request with the current figures. */
  void handle(HttpExchange exchange) throws IOException {
    ServerState.Counters counters = faktory.state().counters();
    Map<String, Object> server = new TreeMap<>(Map.of(
        "command_count", counters.commandCount(),
        "connections", counters.connections(),
        "description", "Faktory",
        "faktory_version", ModelSettings.DEFAULT_VERSION));
    Map<String, Object> health = new TreeMap<>(Map.of("now", GoTime.format(faktory.now()), "server", server));
    HttpResponses.json(exchange, JobJson.write(health));
  }
}
