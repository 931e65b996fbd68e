package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** BEAT and the worker lifecycle against real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerBeatIT extends RealFaktoryTestBase {

  @Test
  void runningWorkerBeatsRunning() {
    try (FaktoryClient worker = worker("beat-running")) {
      assertThat(worker.beat()).isEqualTo(BeatState.RUNNING);
      assertThat(worker.beat(BeatState.RUNNING, 1024)).isEqualTo(BeatState.RUNNING);
    }
  }

  @Test
  void reportedStateIsEchoedAndNeverGoesBack() {
    try (FaktoryClient worker = worker("beat-states")) {
      assertThat(worker.beat(BeatState.QUIET)).isEqualTo(BeatState.QUIET);
      assertThat(worker.beat()).isEqualTo(BeatState.QUIET);
      assertThat(worker.beat(BeatState.TERMINATE, 2048)).isEqualTo(BeatState.TERMINATE);
      assertThat(worker.beat(BeatState.QUIET)).isEqualTo(BeatState.TERMINATE);
    }
  }

  @Test
  void quietFromTheWebUiArrivesWithTheNextBeatAndStopsFetching() throws Exception {
    try (FaktoryClient worker = worker("beat-web-quiet")) {
      signal("beat-web-quiet", "quiet");
      client.push(Job.builder("T").queue("quiet-q").build());

      assertThat(worker.beat()).isEqualTo(BeatState.QUIET);
      assertThat(worker.fetch("quiet-q")).isEmpty();
      assertThat(client.fetch("quiet-q")).isPresent();
    }
  }

  @Test
  void beatForAnUnknownWorkerIsRefused() {
    assertThat(client.exchange("BEAT {\"wid\":\"ghost\"}")).isEqualTo(Reply.err("unknown worker ghost"));
    assertThat(client.exchange("BEAT {}")).isEqualTo(Reply.err("unknown worker "));
  }

  @Test
  void beatWithAMalformedPayloadIsRefused() {
    assertThat(client.exchange("BEAT x")).isEqualTo(Reply.err("invalid BEAT x"));
  }

  private static FaktoryClient worker(String wid) {
    return FaktoryClient.builder().url(faktory().url()).wid(wid).labels("it").connect();
  }

  private static void signal(String wid, String signal) throws Exception {
    HttpRequest post = HttpRequest.newBuilder(URI.create(faktory().webUrl() + "/busy"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("wid=" + wid + "&signal=" + signal))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
  }
}
