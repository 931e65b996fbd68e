package io.github.faktorytestkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server's state as INFO reports it: a typed view of the common fields over the full JSON document. Fields a
 * server does not send read as 0 or empty (e.g. {@code sets}, added in 1.9.0). Immutable.
 */
public final class ServerInfo {
  private final JsonNode json;

  /** Creates the view over INFO's {@code json} document. */
  public ServerInfo(JsonNode json) {
    this.json = Objects.requireNonNull(json, "json").deepCopy();
  }

  /** Returns a copy of the whole document, for fields without an accessor (such as the deprecated tasks). */
  public JsonNode json() {
    return json.deepCopy();
  }

  /** Returns the server's clock at the time of the reply (RFC 3339). */
  public String now() {
    return json.path("now").asText();
  }

  /** Returns the server's version, e.g. {@code 1.9.4}. */
  public String version() {
    return server().path("faktory_version").asText();
  }

  /** Returns the size of every queue the server knows, by name (empty queues included). */
  public Map<String, Long> queues() {
    return counts(faktory().path("queues"));
  }

  /** Returns the size of the scheduled, retries, dead and working sets, by name. */
  public Map<String, Long> sets() {
    return counts(faktory().path("sets"));
  }

  /** Returns the size of the set named {@code name} ({@code scheduled}, {@code retries}, {@code dead}, ...). */
  public long setSize(String name) {
    return faktory().path("sets").path(name).asLong();
  }

  /** Returns how many jobs wait in all queues together. */
  public long totalEnqueued() {
    return faktory().path("total_enqueued").asLong();
  }

  /** Returns how many jobs were acknowledged or failed since the server started. */
  public long totalProcessed() {
    return faktory().path("total_processed").asLong();
  }

  /** Returns how many jobs failed (reservation expiries included) since the server started. */
  public long totalFailures() {
    return faktory().path("total_failures").asLong();
  }

  /** Returns how many queues the server knows. */
  public long totalQueues() {
    return faktory().path("total_queues").asLong();
  }

  /** Returns how many client connections finished the handshake and are open. */
  public long connections() {
    return server().path("connections").asLong();
  }

  /** Returns how many commands the server has processed. */
  public long commandCount() {
    return server().path("command_count").asLong();
  }

  /** Returns the server's uptime in seconds. */
  public long uptimeSeconds() {
    return server().path("uptime").asLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerInfo other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "ServerInfo" + json;
  }

  private JsonNode faktory() {
    return json.path("faktory");
  }

  private JsonNode server() {
    return json.path("server");
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new LinkedHashMap<>();
    object.properties().forEach(field -> counts.put(field.getKey(), field.getValue().asLong()));
    return Collections.unmodifiableMap(counts);
  }
}
