package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FetchTest {
  private static final Outcome NOTHING = Outcome.send(Reply.NULL_BULK);

  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  private void push(String jid, String queue) {
    assertThat(client.call("PUSH {\"jid\":\"" + jid + "\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"" + queue + "\"}"))
        .isEqualTo(Reply.OK);
  }

  private static String jidOf(Outcome outcome) {
    String body = ((Reply.BulkString) TestClient.replyOf(outcome)).text();
    return body.replaceAll(".*\"jid\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void fetchWithoutQueueIsAnError() {
    assertThat(client.call("FETCH")).isEqualTo(Reply.err("must call fetch with at least one queue"));
  }

  @Test
  void queuesAreFifoAndListedQueuesHaveStrictPriority() {
    push("low00001", "low");
    push("high0001", "high");
    push("high0002", "high");
    assertThat(jidOf(client.send("FETCH high low"))).isEqualTo("high0001");
    assertThat(jidOf(client.send("FETCH low high"))).isEqualTo("low00001");
    assertThat(jidOf(client.send("FETCH low high"))).isEqualTo("high0002");
  }

  @Test
  void emptyFetchWaitsTwoSecondsOnTheClockThenAnswersNull() {
    CompletableFuture<Outcome> fetch = client.sendAsync("FETCH default");
    server.advance(Duration.ofMillis(1999));
    assertThat(fetch).isNotDone();
    server.advance(Duration.ofMillis(1));
    assertThat(fetch).isCompletedWithValue(NOTHING);
  }

  @Test
  void waitingFetchGetsAJobPushedToAnyOfItsQueues() {
    TestClient worker = server.worker("w1");
    CompletableFuture<Outcome> first = worker.sendAsync("FETCH a b");
    CompletableFuture<Outcome> second = server.producer().sendAsync("FETCH b");
    server.advance(Duration.ofSeconds(1));
    push("b0000001", "b");
    assertThat(jidOf(first.join())).isEqualTo("b0000001");
    assertThat(second).isNotDone();
    push("b0000002", "b");
    assertThat(jidOf(second.join())).isEqualTo("b0000002");
    assertThat(server.state().working()).extracting(ServerState.Reservation::wid).containsExactly("w1", "");
    assertThat(server.state().working().get(0).reservedAt()).isEqualTo(FakeServer.START.plusSeconds(1));
  }

  @Test
  void pausedQueuesAreSkippedAndAllPausedWaitsTwoSeconds() {
    push("a0000001", "a");
    push("b0000001", "b");
    assertThat(client.call("QUEUE PAUSE a")).isEqualTo(Reply.OK);
    assertThat(jidOf(client.send("FETCH a b"))).isEqualTo("b0000001");
    CompletableFuture<Outcome> fetch = client.sendAsync("FETCH a");
    push("a0000002", "a");
    assertThat(fetch).isNotDone();
    server.advanceSeconds(2);
    assertThat(fetch).isCompletedWithValue(NOTHING);
    assertThat(server.state().queueSize("a")).isEqualTo(2);
  }

  @Test
  void quietWorkerGetsNothingAfterTwoSecondsButOnlyOnItsFirstConnection() {
    push("a0000001", "a");
    TestClient first = server.worker("w1");
    TestClient second = server.worker("w1");
    server.state().quiet("w1");
    assertThat(server.afterFetchTimeout(first, "FETCH a")).isEqualTo(NOTHING);
    assertThat(jidOf(second.send("FETCH a"))).isEqualTo("a0000001");
  }

  @Test
  void quietWorkerGetsNothingEvenForABareFetch() {
    TestClient worker = server.worker("w1");
    server.state().terminate("all");
    assertThat(server.afterFetchTimeout(worker, "FETCH")).isEqualTo(NOTHING);
  }

  @Test
  void reservationDefaultsToThirtyMinutesAndIsClampedToSixtySecondsUpToADay() {
    client.call("PUSH {\"jid\":\"default1\",\"jobtype\":\"A\",\"args\":[]}");
    client.call("PUSH {\"jid\":\"short001\",\"jobtype\":\"A\",\"args\":[],\"reserve_for\":5}");
    client.call("PUSH {\"jid\":\"negative\",\"jobtype\":\"A\",\"args\":[],\"reserve_for\":-5}");
    client.call("PUSH {\"jid\":\"exactday\",\"jobtype\":\"A\",\"args\":[],\"reserve_for\":86400}");
    for (int i = 0; i < 4; i++) {
      client.send("FETCH default");
    }
    assertThat(server.state().working()).extracting(r -> r.expiresAt().getEpochSecond() - r.reservedAt().getEpochSecond())
        .containsExactly(1800L, 60L, 60L, 86400L);
  }

  @Test
  void expiredReservationFailsTheJobIntoRetries() {
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"reserve_for\":60}");
    client.send("FETCH default");
    server.advance(Duration.ofMillis(59_999));
    assertThat(server.state().working()).hasSize(1);
    server.advance(Duration.ofMillis(1));
    assertThat(server.state().working()).isEmpty();
    ServerState.SetEntry retry = server.state().retries().get(0);
    assertThat(retry.job().failure().errtype()).isEqualTo("ReservationExpired");
    assertThat(retry.job().failure().message()).isEqualTo("Faktory job reservation expired");
    assertThat(retry.job().failure().backtrace()).isNull();
    assertThat(server.state().counters()).extracting(ServerState.Counters::processed, ServerState.Counters::failures).containsExactly(1L, 1L);
    assertThat(client.call("ACK {\"jid\":\"12345678\"}")).isEqualTo(Reply.OK);
    assertThat(client.call("FAIL {\"jid\":\"12345678\"}")).isEqualTo(Reply.err("Job not found 12345678"));
    assertThat(server.state().counters().processed()).isEqualTo(1);
  }

  @Test
  void fetchOfAnEmptyQueueNameWaitsLikeAnyOther() {
    assertThat(server.afterFetchTimeout(client, "FETCH ")).isEqualTo(NOTHING);
  }

  @Test
  void waitingFetchOfAClosedConnectionStillReservesAJobAsOnTheRealServer() {
    TestClient worker = server.worker("w1");
    CompletableFuture<Outcome> fetch = worker.sendAsync("FETCH a");
    worker.close();
    push("a0000001", "a");
    assertThat(fetch).isDone();
    assertThat(server.state().working()).extracting(ServerState.Reservation::jid).containsExactly("a0000001");
  }
}
