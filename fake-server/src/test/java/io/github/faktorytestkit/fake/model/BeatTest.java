package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;


@Timeout(10)
class BeatTest {
  private static final Reply QUIET = Reply.bulk("{\"state\":\"quiet\"}");
  private static final Reply TERMINATE = Reply.bulk("{\"state\":\"terminate\"}");

  private final FakeServer server = new FakeServer();
  private final TestClient worker = server.worker("w1");

  @Test
  void beatErrorsUseTheServersTexts() {
    assertThat(worker.call("BEAT x")).isEqualTo(Reply.err("invalid BEAT x"));
    assertThat(worker.call("BEAT {\"wid\":1}")).isEqualTo(Reply.err("invalid BEAT {\"wid\":1}"));
    assertThat(worker.call("BEAT {}")).isEqualTo(Reply.err("unknown worker "));
    assertThat(worker.call("BEAT {\"wid\":\"w2\"}")).isEqualTo(Reply.err("unknown worker w2"));
    assertThat(worker.call("BEAT")).isEqualTo(Reply.err("internal error"));
  }

  @Test
  void beatOfARunningWorkerIsOkAndRecordsTimeAndMemory() {
    server.advanceSeconds(10);
    assertThat(worker.call("BEAT {\"wid\":\"w1\",\"rss_kb\":5000}")).isEqualTo(Reply.OK);
    ServerState.Worker info = server.state().worker("w1").orElseThrow();
    assertThat(info.lastBeat()).isEqualTo(FakeServer.START.plusSeconds(10));
    assertThat(info.rssKb()).isEqualTo(5000);
  }

  @Test
  void anyConnectionMayBeatForAWorker() {
    assertThat(server.producer().call("BEAT {\"wid\":\"w1\"}")).isEqualTo(Reply.OK);
  }

  @Test
  void signalsFromTheWebUiArriveWithTheNextBeatAndOnlyMoveForward() {
    server.state().quiet("w1");
    assertThat(worker.call("BEAT {\"wid\":\"w1\"}")).isEqualTo(QUIET);
    assertThat(worker.call("BEAT {\"wid\":\"w1\",\"current_state\":\"terminate\"}")).isEqualTo(TERMINATE);
    assertThat(worker.call("BEAT {\"wid\":\"w1\",\"current_state\":\"quiet\"}")).isEqualTo(TERMINATE);
    assertThat(worker.call("BEAT {\"wid\":\"w1\",\"current_state\":\"bogus\"}")).isEqualTo(TERMINATE);
    assertThat(server.state().worker("w1").orElseThrow().state()).isEqualTo(WorkerState.TERMINATE);
  }

  @Test
  void workerReportingItsOwnStateGetsItEchoed() {
    assertThat(worker.call("BEAT {\"wid\":\"w1\",\"current_state\":\"quiet\"}")).isEqualTo(QUIET);
  }

  @Test
  void unknownStateStringsLeaveARunningWorkerRunning() {
    assertThat(worker.call("BEAT {\"wid\":\"w1\",\"current_state\":\"running\"}")).isEqualTo(Reply.OK);
  }

  @Test
  void signalAllReachesEveryWorker() {
    TestClient other = server.worker("w2");
    server.state().terminate("all");
    assertThat(worker.call("BEAT {\"wid\":\"w1\"}")).isEqualTo(TERMINATE);
    assertThat(other.call("BEAT {\"wid\":\"w2\"}")).isEqualTo(TERMINATE);
  }

  @Test
  void workerSilentForMoreThanSixtySecondsIsRemovedAndItsConnectionsClosed() {
    TestClient second = server.worker("w1");
    TestClient producer = server.producer();
    server.advanceSeconds(30);
    worker.call("BEAT {\"wid\":\"w1\"}");
    server.advanceSeconds(60);
    assertThat(server.state().workers()).hasSize(1);
    server.advance(Duration.ofNanos(1));
    assertThat(server.state().workers()).isEmpty();
    assertThat(worker.connection.closedByServer()).isTrue();
    assertThat(second.connection.closedByServer()).isTrue();
    assertThat(producer.connection.closedByServer()).isFalse();
    assertThat(producer.call("INFO")).isInstanceOf(Reply.BulkString.class);
    assertThat(producer.bulk("INFO")).contains("\"Workers\":{\"reaped\":1,\"size\":0}");
  }

  @Test
  void lineArrivingAfterTheReapOnTheWorkersConnectionIsNotAnswered() {
    server.advance(Duration.ofSeconds(60).plusNanos(1));
    assertThat(worker.send("INFO")).isEqualTo(Outcome.close());
    assertThat(server.producer().call("BEAT {\"wid\":\"w1\"}")).isEqualTo(Reply.err("unknown worker w1"));
  }

  @Test
  void workerIsDroppedWhenItsLastConnectionCloses() {
    TestClient second = server.worker("w1");
    worker.close();
    assertThat(server.state().worker("w1").orElseThrow().connections()).isEqualTo(1);
    second.close();
    assertThat(server.state().workers()).isEmpty();
    assertThat(server.producer().call("BEAT {\"wid\":\"w1\"}")).isEqualTo(Reply.err("unknown worker w1"));
  }

  @Test
  void laterConnectionOfTheSameWidKeepsRunningStateForFetchButSharesBeats() {
    TestClient second = server.worker("w1");
    server.state().quiet("w1");
    assertThat(second.call("BEAT {\"wid\":\"w1\"}")).isEqualTo(QUIET);
  }
}
