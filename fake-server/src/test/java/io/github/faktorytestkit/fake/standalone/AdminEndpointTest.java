package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.JobJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AdminEndpointTest {
  private static final Path NO_FILE = Path.of("/nonexistent/faktory-password");

  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private StandaloneServer server;
  private String authorization;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void advanceMovesTheClockAndARetryFallsDue() throws Exception {
    start(Map.of(), "-testkit-admin");
    Instant before = Instant.parse(get("/testkit/now").get("now").asText());
    try (FaktoryClient client = client()) {
      client.push(Job.builder("Send").jid("job-0001").retry(3).build());
      client.fail(client.fetch("default").orElseThrow().jid(), "Boom", "failed", List.of());
      assertThat(get("/testkit/state").get("retries").asInt()).isEqualTo(1);

      JsonNode moved = post("/testkit/advance?by=1h", "");
      assertThat(Instant.parse(moved.get("now").asText())).isEqualTo(before.plus(Duration.ofHours(1)));
      assertThat(client.fetch("default")).map(Job::jid).contains("job-0001");
    }
    JsonNode journal = get("/testkit/journal");
    assertThat(journal.findValuesAsText("verb")).containsSubsequence("PUSH", "FETCH", "FAIL", "FETCH");
    assertThat(journal.get(0).get("verb").asText()).isEqualTo("HELLO");
    assertThat(journal.get(1).get("replies").get(0).asText()).isEqualTo("+OK");
  }

  @Test
  void seedsSummarisesAndResets() throws Exception {
    start(Map.of(), "-testkit-admin");
    post("/testkit/state/queue", "{\"job\":{\"jid\":\"q1\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"mail\"}}");
    JsonNode summary = post("/testkit/state/dead",
        "{\"job\":{\"jid\":\"d1\",\"jobtype\":\"A\",\"args\":[]},\"at\":\"2030-01-01T00:00:00Z\"}");
    assertThat(summary.at("/queues/mail").asInt()).isEqualTo(1);
    assertThat(summary.get("dead").asInt()).isEqualTo(1);

    post("/testkit/reset", "");
    assertThat(get("/testkit/state").get("dead").asInt()).isZero();
    assertThat(get("/testkit/state").get("queues").size()).isZero();
  }

  @Test
  void advanceToMovesToAnInstant() throws Exception {
    start(Map.of(), "-testkit-admin");
    JsonNode moved = post("/testkit/advance-to?at=2099-01-01T00:00:00Z", "");

    assertThat(moved.get("now").asText()).isEqualTo("2099-01-01T00:00:00Z");
  }

  @Test
  void faultsAreInjectedWithCheckedVerbsAndCleared() throws Exception {
    start(Map.of(), "-testkit-admin");
    assertThat(post("/testkit/faults", "{\"verb\":\"PUSH\",\"kind\":\"closeAfterReply\"}").get("faults").asInt())
        .isEqualTo(1);
    HttpResponse<String> lowerCase = send("POST", "/testkit/faults", "{\"verb\":\"push\",\"kind\":\"garbage\"}");
    assertThat(lowerCase.statusCode()).isEqualTo(400);
    assertThat(lowerCase.body()).contains("push");

    assertThat(json(send("DELETE", "/testkit/faults", "")).get("faults").asInt()).isZero();
    assertThat(server.faktory().faults()).isEmpty();
  }

  @Test
  void mistakesAnswerFourHundredsNamingThem() throws Exception {
    start(Map.of(), "-testkit-admin");
    HttpResponse<String> badDuration = send("POST", "/testkit/advance?by=soon", "");
    HttpResponse<String> badTarget = send("POST", "/testkit/state/elsewhere", "{\"job\":{\"jobtype\":\"A\"}}");
    HttpResponse<String> unknown = send("GET", "/testkit/nothing", "");

    assertThat(badDuration.statusCode()).isEqualTo(400);
    assertThat(badDuration.body()).contains("\"soon\"");
    assertThat(badTarget.statusCode()).isEqualTo(400);
    assertThat(badTarget.body()).contains("elsewhere");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("GET nothing");
  }

  @Test
  void offUnlessAsked() throws Exception {
    start(Map.of());

    assertThat(send("GET", "/testkit/now", "").statusCode()).isEqualTo(404);
  }

  @Test
  void passwordGuardsTheControlsAndTheJournalMasksThePasswordHash() throws Exception {
    start(Map.of("FAKTORY_PASSWORD", "s3cret"), "-testkit-admin", "-l", "debug");
    assertThat(send("GET", "/testkit/now", "").statusCode()).isEqualTo(401);
    authorization = "Basic " + Base64.getEncoder().encodeToString("any:s3cret".getBytes(StandardCharsets.UTF_8));
    try (FaktoryClient client = FaktoryClient.builder().url(server.faktory().url()).password("s3cret")
        .connect()) {
      client.push(Job.builder("A").build());
    }

    JsonNode hello = get("/testkit/journal").get(0);
    String log = out.toString(StandardCharsets.UTF_8);
    assertThat(hello.get("line").asText()).startsWith("HELLO ").contains("\"pwdhash\":\"***\"");
    assertThat(log).containsPattern("D \\S+ #\\d+ HELLO .*\"pwdhash\":\"\\*\\*\\*\"")
        .containsPattern("D \\S+ #\\d+ PUSH .* => \\+OK").doesNotContainPattern("pwdhash\":\"[0-9a-f]");
  }

  @Test
  void refusesControlsOnANonLoopbackAddressWithoutPassword() {
    assertThatThrownBy(() -> start(Map.of(), "-testkit-admin", "-w", ":0"))
        .isInstanceOf(StartupException.class).hasMessageContaining("-w :0");
    assertThatThrownBy(() -> start(Map.of(), "-testkit-admin", "-w", "0.0.0.0:0"))
        .isInstanceOf(StartupException.class).hasMessageContaining("not loopback-only")
        .hasMessageContaining("FAKTORY_PASSWORD");
  }

  private void start(Map<String, String> env, String... flags) throws StartupException {
    List<String> args = new java.util.ArrayList<>(List.of("-b", "127.0.0.1:0", "-w", "127.0.0.1:0"));
    args.addAll(List.of(flags));
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    server = FakeFaktoryMain.launch(args.toArray(String[]::new), env, print, print, NO_FILE).orElseThrow().server();
  }

  private FaktoryClient client() {
    return FaktoryClient.builder().url(server.faktory().url()).connect();
  }

  private JsonNode get(String path) throws Exception {
    return json(send("GET", path, ""));
  }

  private JsonNode post(String path, String body) throws Exception {
    return json(send("POST", path, body));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JobJson.mapper().readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.webAddress().orElseThrow().getPort() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
