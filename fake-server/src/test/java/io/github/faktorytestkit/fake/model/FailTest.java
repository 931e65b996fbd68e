package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Failure;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FailTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  private void pushAndFetch(String extra) {
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"q\"" + extra + "}"))
        .isEqualTo(Reply.OK);
    assertThat(client.call("FETCH q")).isInstanceOf(Reply.BulkString.class);
  }

  private void fetchFailAndRequeue(String fail) {
    assertThat(client.call("FAIL " + fail)).isEqualTo(Reply.OK);
    assertThat(client.call("MUTATE {\"cmd\":\"requeue\",\"target\":\"retries\"}")).isEqualTo(Reply.OK);
    assertThat(client.call("FETCH q")).isInstanceOf(Reply.BulkString.class);
  }

  @Test
  void failErrorsUseTheServersTexts() {
    assertThat(client.call("FAIL x")).isEqualTo(Reply.err("invalid FAIL x"));
    assertThat(client.call("FAIL {\"jid\":1}")).isEqualTo(Reply.err("invalid FAIL {\"jid\":1}"));
    assertThat(client.call("FAIL {}")).isEqualTo(Reply.err("missing JID"));
    assertThat(client.call("FAIL null")).isEqualTo(Reply.err("missing JID"));
    assertThat(client.call("FAIL {\"jid\":\"nope1234\"}")).isEqualTo(Reply.err("Job not found nope1234"));
    assertThat(client.call("FAIL")).isEqualTo(Reply.err("internal error"));
    assertThat(server.state().counters().failures()).isZero();
  }

  @Test
  void firstFailureRecordsFailureAndSchedulesARetryFifteenToFortyFourSecondsLater() {
    pushAndFetch(",\"retry\":2");
    assertThat(client.call("FAIL {\"jid\":\"12345678\",\"errtype\":\"  E  \",\"message\":\"\","
        + "\"backtrace\":[\"a\",\"b\"]}")).isEqualTo(Reply.OK);
    ServerState.SetEntry retry = server.state().retries().get(0);
    Failure failure = retry.job().failure();
    assertThat(failure.errtype()).isEqualTo("E");
    assertThat(failure.message()).isEqualTo("unknown");
    assertThat(failure.backtrace()).containsExactly("a", "b");
    assertThat(failure.retryCount()).isZero();
    assertThat(failure.remaining()).isEqualTo(2);
    assertThat(failure.failedAt()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(Instant.parse(failure.nextAt())).isEqualTo(retry.at());
    assertThat(Duration.between(FakeServer.START, retry.at()).getSeconds()).isBetween(15L, 44L);
    assertThat(server.state().counters()).extracting(ServerState.Counters::processed, ServerState.Counters::failures).containsExactly(1L, 1L);
  }

  @Test
  void laterFailuresCountUpKeepFailedAtAndEndInTheDeadSet() {
    pushAndFetch(",\"retry\":2");
    fetchFailAndRequeue("{\"jid\":\"12345678\",\"errtype\":\"E1\",\"backtrace\":[\"x\"]}");
    server.advanceSeconds(100);
    fetchFailAndRequeue("{\"jid\":\"12345678\",\"errtype\":\"E2\",\"message\":\"m2\"}");
    Failure second = server.state().working().get(0).job().failure();
    assertThat(second.retryCount()).isEqualTo(1);
    assertThat(second.remaining()).isEqualTo(1);
    assertThat(second.errtype()).isEqualTo("E2");
    assertThat(second.message()).isEqualTo("m2");
    assertThat(second.backtrace()).isNull();
    assertThat(second.failedAt()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(client.call("FAIL {\"jid\":\"12345678\",\"errtype\":\"E3\"}")).isEqualTo(Reply.OK);
    assertThat(server.state().retries()).isEmpty();
    ServerState.SetEntry dead = server.state().dead().get(0);
    assertThat(dead.at()).isEqualTo(FakeServer.START.plusSeconds(100).plus(Duration.ofDays(180)));
    Failure failure = dead.job().failure();
    assertThat(failure.retryCount()).isEqualTo(2);
    assertThat(failure.remaining()).isZero();
    assertThat(failure.errtype()).isEqualTo("E3");
    assertThat(failure.message()).isEqualTo("unknown");
    assertThat(failure.backtrace()).isNull();
    assertThat(failure.failedAt()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(failure.nextAt()).isNotNull();
  }

  @Test
  void backoffGrowsWithTheFourthPowerOfTheRetryCount() {
    pushAndFetch(",\"retry\":10");
    for (int count = 0; count < 4; count++) {
      assertThat(client.call("FAIL {\"jid\":\"12345678\"}")).isEqualTo(Reply.OK);
      ServerState.SetEntry retry = server.state().retries().get(0);
      long seconds = Duration.between(server.clock.now(), retry.at()).getSeconds();
      long base = (long) count * count * count * count + 15;
      assertThat(seconds).isBetween(base, base + 29L * (count + 1));
      assertThat((seconds - base) % (count + 1)).isZero();
      server.clock.set(retry.at());
      assertThat(client.call("FETCH q")).isInstanceOf(Reply.BulkString.class);
    }
  }

  @Test
  void retryMovesBackToItsQueueOnTimeWithAFreshEnqueuedAt() {
    pushAndFetch("");
    client.call("FAIL {\"jid\":\"12345678\"}");
    Instant due = server.state().retries().get(0).at();
    server.clock.set(due.minusNanos(1));
    assertThat(server.state().queueSize("q")).isZero();
    server.clock.set(due);
    assertThat(server.state().retries()).isEmpty();
    assertThat(server.state().jobs("q").get(0).enqueuedAt()).isEqualTo(due.toString());
  }

  @Test
  void retryZeroDropsTheJobAndNegativeRetryGoesStraightToDead() {
    pushAndFetch(",\"retry\":0");
    client.call("FAIL {\"jid\":\"12345678\"}");
    assertThat(server.state().retries()).isEmpty();
    assertThat(server.state().dead()).isEmpty();
    pushAndFetch(",\"retry\":-1");
    client.call("FAIL {\"jid\":\"12345678\"}");
    assertThat(server.state().dead()).singleElement().satisfies(e -> {
      assertThat(e.job().failure().remaining()).isEqualTo(-1);
      assertThat(e.job().failure().nextAt()).isNull();
    });
    assertThat(server.state().counters().failures()).isEqualTo(2);
  }

  @Test
  void failureTextsAreTrimmedAndCappedByBytes() {
    pushAndFetch("");
    String longType = "\u00e9".repeat(60);
    String backtrace = "[" + "\"l\",".repeat(60) + "\"l\"]";
    client.call("FAIL {\"jid\":\"12345678\",\"errtype\":\"" + longType + "\",\"message\":\"\\u00a0" + "m".repeat(1200)
        + "\",\"backtrace\":" + backtrace + "}");
    Failure failure = server.state().retries().get(0).job().failure();
    assertThat(failure.errtype()).isEqualTo("\u00e9".repeat(50));
    assertThat(failure.message()).isEqualTo("m".repeat(1000));
    assertThat(failure.backtrace()).hasSize(50);
  }

  @Test
  void cutInTheMiddleOfACharacterLeavesReplacementCharacters() {
    pushAndFetch("");
    client.call("FAIL {\"jid\":\"12345678\",\"errtype\":\"" + "a".repeat(98) + "\u20ac\"}");
    assertThat(server.state().retries().get(0).json()).contains("\"errtype\":\"" + "a".repeat(98) + "\\ufffd\\ufffd\"");
  }

  @Test
  void deadJobsArePurgedAfterOneHundredEightyDays() {
    pushAndFetch(",\"retry\":-1");
    client.call("FAIL {\"jid\":\"12345678\"}");
    server.advance(Duration.ofDays(180).minusNanos(1));
    assertThat(server.state().dead()).hasSize(1);
    server.advance(Duration.ofNanos(1));
    assertThat(server.state().dead()).isEmpty();
  }

  @Test
  void jobNotFoundEchoesAJidWithANewlineRaw() {
    assertThat(client.send("FAIL {\"jid\":\"a\\nb\"}"))
        .isInstanceOfSatisfying(Outcome.SendRaw.class, raw -> assertThat(new String(raw.bytes()))
            .isEqualTo("-ERR Job not found a\nb\r\n"));
  }
}
