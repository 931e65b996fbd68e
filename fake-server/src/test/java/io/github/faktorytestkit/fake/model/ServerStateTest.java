package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


@Timeout(10)
class ServerStateTest {
  private final FakeServer server = new FakeServer(ModelSettings.builder().seed(1L).memoryGauge(() -> 42).build());
  private final ServerState state = server.state();
  private final TestClient client = server.producer();

  @Test
  void enqueuedJobGetsPushDefaultsAndGoFormatting() {
    state.enqueue(Job.builder("Thing").jid("12345678").args(1.0, Map.of("b", 2, "a", "<")).build());
    assertThat(state.jobsJson("default")).containsExactly("{\"retry\":25,\"jid\":\"12345678\",\"queue\":\"default\","
        + "\"jobtype\":\"Thing\",\"created_at\":\"2026-03-01T10:00:00Z\",\"enqueued_at\":\"2026-03-01T10:00:00Z\","
        + "\"args\":[1,{\"a\":\"\\u003c\",\"b\":2}]}");
    assertThat(state.jobs("default").get(0).args()).containsExactly(1, Map.of("a", "<", "b", 2));
    assertThat(state.queueNames()).containsExactly("default");
    assertThat(state.queueSize("default")).isEqualTo(1);
  }

  @Test
  void enqueueWakesAWaitingFetch() {
    CompletableFuture<Outcome> fetch = client.sendAsync("FETCH q");
    state.enqueue(Job.builder("A").jid("12345678").queue("q").build());
    assertThat(fetch).isDone();
    assertThat(state.working()).extracting(ServerState.Reservation::jid).containsExactly("12345678");
  }

  @Test
  void enqueueWithAnInvalidQueueFailsWithTheServersText() {
    assertThatThrownBy(() -> state.enqueue(Job.builder("A").queue("bad q").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot get \"bad q\" queue: queue names must match \\A[a-zA-Z0-9._-]+\\z");
  }

  @Test
  void jobsAreListedInFetchOrder() {
    for (String jid : List.of("00000001", "00000002", "00000003")) {
      state.enqueue(Job.builder("A").jid(jid).build());
    }
    assertThat(state.jobs("default")).extracting(Job::jid).containsExactly("00000001", "00000002", "00000003");
    assertThat(client.bulk("FETCH default")).contains("00000001");
  }

  @Test
  void scheduledJobMovesToItsQueueAtItsTime() {
    Instant at = FakeServer.START.plusSeconds(90);
    state.schedule(Job.builder("A").jid("12345678").build(), at);
    assertThat(state.scheduled()).singleElement().satisfies(e -> {
      assertThat(e.at()).isEqualTo(at);
      assertThat(e.job().at()).isEqualTo("2026-03-01T10:01:30Z");
    });
    server.advanceSeconds(90);
    assertThat(state.jobs("default")).extracting(Job::jid).containsExactly("12345678");
  }

  @Test
  void retryAndDeadEntriesAreSeededAsGivenAndActedOnInTime() {
    state.addRetry(Job.builder("A").jid("retry001").build(), FakeServer.START.plusSeconds(5));
    state.addDead(Job.builder("A").jid("dead0001").build(), FakeServer.START.plusSeconds(7));
    assertThat(state.retries()).extracting(e -> e.job().jid()).containsExactly("retry001");
    assertThat(state.dead()).extracting(ServerState.SetEntry::json)
        .containsExactly("{\"retry\":null,\"jid\":\"dead0001\",\"queue\":\"default\",\"jobtype\":\"A\",\"args\":[]}");
    server.advanceSeconds(7);
    assertThat(state.retries()).isEmpty();
    assertThat(state.dead()).isEmpty();
    assertThat(state.jobs("default")).extracting(Job::jid).containsExactly("retry001");
  }

  @Test
  void entriesAlreadyDueAreHandledRightAway() {
    state.addRetry(Job.builder("A").jid("retry001").build(), FakeServer.START.minusSeconds(5));
    assertThat(state.retries()).isEmpty();
    assertThat(state.queueSize("default")).isEqualTo(1);
  }

  @Test
  void pauseAndResumeActLikeTheQueueCommand() {
    state.pause("nope");
    state.enqueue(Job.builder("A").queue("q").build());
    state.pause("q");
    assertThat(state.pausedQueues()).containsExactly("q");
    state.resume("q");
    assertThat(state.pausedQueues()).isEmpty();
  }

  @Test
  void workersAreListedWithWhatTheyReported() {
    server.worker("w1");
    client.call("BEAT {\"wid\":\"w1\",\"rss_kb\":77}");
    state.quiet("w1");
    assertThat(state.workers()).containsExactly(new ServerState.Worker("w1", "box", 42, List.of("a"), WorkerState.QUIET,
        FakeServer.START, FakeServer.START, 77, 1));
    assertThat(state.worker("nope")).isEmpty();
  }

  @Test
  void resetGivesAFreshServerButKeepsOpenConnections() {
    server.worker("w1");
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"retry\":1}");
    client.send("FETCH default");
    client.call("PUSH {\"jid\":\"00000002\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"q\"}");
    client.call("QUEUE PAUSE q");
    client.call("ACK {\"jid\":\"00000001\"}");
    server.advanceSeconds(30);
    state.reset();
    assertThat(state.queueNames()).isEmpty();
    assertThat(state.pausedQueues()).isEmpty();
    assertThat(state.working()).isEmpty();
    assertThat(state.counters()).isEqualTo(new ServerState.Counters(0, 0, 0, 2));
    assertThat(state.retryDefault()).isEqualTo(25);
    assertThat(state.workers()).extracting(ServerState.Worker::wid).containsExactly("w1");
    assertThat(client.bulk("INFO")).contains("\"uptime\":0", "\"command_count\":1");
  }

  @Test
  void infoReportsTheMemoryGauge() {
    assertThat(state.info()).contains("\"used_memory_mb\":42}");
  }

  @Test
  void infoMatchesTheInfoCommand() {
    assertThat(state.info()).isEqualTo(client.bulk("INFO").replace("\"command_count\":1", "\"command_count\":0"));
  }

  @Test
  void snapshotsAreImmutable() {
    state.enqueue(Job.builder("A").build());
    assertThatThrownBy(() -> state.jobs("default").clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> state.queueNames().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void expiryOfAReservationShowsInWorking() {
    state.enqueue(Job.builder("A").jid("12345678").reserveFor(100).build());
    assertThat(client.call("FETCH default")).isInstanceOf(Reply.BulkString.class);
    ServerState.Reservation reservation = state.working().get(0);
    assertThat(reservation.expiresAt()).isEqualTo(FakeServer.START.plusSeconds(100));
    assertThat(reservation.job().reserveFor()).isEqualTo(100);
    server.advance(Duration.ofSeconds(100));
    assertThat(state.working()).isEmpty();
  }
}
