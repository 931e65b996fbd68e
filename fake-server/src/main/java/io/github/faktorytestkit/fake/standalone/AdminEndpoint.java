package io.github.faktorytestkit.fake.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.Fault;
import io.github.faktorytestkit.fake.RecordedCommand;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.JobJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The test controls of the jar under {@code /testkit/} on the web port (with {@code -testkit-admin}), for tests in
 * other languages: move the clock, reset, read the journal, seed and summarise the state, inject and clear faults.
 * JSON out; a mistake answers 400 or 404 with a plain-text message naming it. Guarded as {@code /busy} is.
 */
final class AdminEndpoint {
  static final String PREFIX = "/testkit/";

  private final FakeFaktory faktory;

  AdminEndpoint(FakeFaktory faktory) {
    this.faktory = faktory;
  }

  /** Answers one request whose path starts with {@link #PREFIX}. */
  void handle(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring(PREFIX.length());
    try {
      String json = answer(route, exchange);
      if (json == null) {
        HttpResponses.error(exchange, 404, "no admin endpoint " + route
            + " (expected: POST advance, advance-to, reset, faults, state/{queue|scheduled|retries|dead}; "
            + "GET now, journal, state; DELETE faults)");
      } else {
        HttpResponses.json(exchange, json);
      }
    } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
      HttpResponses.error(exchange, 400, e.getMessage());
    }
  }

  private String answer(String route, HttpExchange exchange) throws IOException {
    return switch (route) {
      case "POST advance" -> {
        faktory.advance(GoDuration.parse(query(exchange, "by")));
        yield now();
      }
      case "POST advance-to" -> {
        faktory.advanceTo(Instant.parse(query(exchange, "at")));
        yield now();
      }
      case "GET now" -> now();
      case "POST reset" -> {
        faktory.reset();
        yield now();
      }
      case "GET journal" -> journal(faktory.commands());
      case "GET state" -> summary(faktory.state());
      case "POST faults" -> {
        faktory.inject(fault(body(exchange)));
        yield "{\"faults\":" + faktory.faults().size() + "}";
      }
      case "DELETE faults" -> {
        faktory.clearFaults();
        yield "{\"faults\":0}";
      }
      default -> route.startsWith("POST state/") ? seed(route.substring("POST state/".length()), exchange) : null;
    };
  }

  private String now() {
    return "{\"now\":\"" + faktory.now() + "\"}";
  }

  private String seed(String target, HttpExchange exchange) throws IOException {
    JsonNode body = body(exchange);
    Job job = job(body.path("job"));
    ServerState state = faktory.state();
    switch (target) {
      case "queue" -> state.enqueue(job);
      case "scheduled" -> state.schedule(job, at(body));
      case "retries" -> state.addRetry(job, at(body));
      case "dead" -> state.addDead(job, at(body));
      default -> throw new IllegalArgumentException(
          "state target: \"" + target + "\" (expected: queue, scheduled, retries or dead)");
    }
    return summary(state);
  }

  private static Instant at(JsonNode body) {
    if (!body.path("at").isTextual()) {
      throw new IllegalArgumentException("at: missing (expected: an RFC 3339 time such as 2026-01-01T00:00:00Z)");
    }
    return Instant.parse(body.get("at").asText());
  }

  private static Job job(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("job: missing (expected: {\"job\": {\"jobtype\": ..., \"args\": [...]}})");
    }
    try {
      return JobJson.mapper().treeToValue(node, Job.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("job: not a job document: " + e.getOriginalMessage());
    }
  }

  private static Fault fault(JsonNode body) {
    String verb = body.path("verb").asText("");
    String kind = body.path("kind").asText("");
    Fault fault = switch (kind) {
      case "closeAfterReply" -> Fault.closeAfterReply(verb);
      case "closeInsteadOfReply" -> Fault.closeInsteadOfReply(verb);
      case "garbage" -> Fault.garbage(verb);
      case "delayReply" -> Fault.delayReply(verb, GoDuration.parse(body.path("delay").asText("")));
      default -> throw new IllegalArgumentException("kind: \"" + kind
          + "\" (expected: closeAfterReply, closeInsteadOfReply, garbage or delayReply)");
    };
    int times = body.path("times").asInt(1);
    return times == 1 ? fault : fault.repeated(times);
  }

  private static String summary(ServerState state) {
    ObjectNode summary = JobJson.newObject();
    ObjectNode queues = summary.putObject("queues");
    state.queueNames().forEach(queue -> queues.put(queue, state.queueSize(queue)));
    summary.put("scheduled", state.scheduled().size());
    summary.put("retries", state.retries().size());
    summary.put("dead", state.dead().size());
    summary.put("working", state.working().size());
    return JobJson.write(summary);
  }

  private static String journal(List<RecordedCommand> commands) {
    ArrayNode journal = JobJson.mapper().createArrayNode();
    for (RecordedCommand command : commands) {
      ObjectNode entry = journal.addObject();
      entry.put("connection", command.connectionIndex());
      entry.put("verb", command.verb());
      entry.put("line", SecretMask.line(command.line()));
      entry.put("receivedAt", command.receivedAt().toString());
      ArrayNode replies = entry.putArray("replies");
      command.replies().forEach(reply -> replies.add(SecretMask.reply(reply)));
    }
    return JobJson.write(journal);
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("query parameter " + name + ": missing");
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    try {
      return JobJson.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body: not JSON: " + e.getOriginalMessage());
    }
  }
}
