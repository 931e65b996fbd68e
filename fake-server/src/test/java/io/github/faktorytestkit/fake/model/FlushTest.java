package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FlushTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  @Test
  void flushEmptiesRedisButKeepsWhatTheServerHoldsInMemory() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"a\"}");
    client.call("PUSH {\"jid\":\"00000002\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"b\"}");
    client.call("PUSH {\"jid\":\"00000003\",\"jobtype\":\"A\",\"args\":[],\"at\":\"2030-01-01T00:00:00Z\"}");
    client.send("FETCH a");
    client.call("ACK {\"jid\":\"nothing\"}");
    client.call("QUEUE PAUSE b");
    assertThat(client.call("FLUSH")).isEqualTo(Reply.OK);
    assertThat(client.bulk("INFO")).contains("\"queues\":{\"a\":0,\"b\":0}",
        "\"sets\":{\"dead\":0,\"retries\":0,\"scheduled\":0,\"working\":0}", "\"Busy\":{\"reaped\":0,\"size\":1}",
        "\"total_queues\":2");
    assertThat(server.state().queueNames()).containsExactly("a", "b");
    assertThat(server.state().pausedQueues()).containsExactly("b");
    assertThat(server.state().working()).extracting(ServerState.Reservation::jid).containsExactly("00000001");
    assertThat(server.state().counters().commandCount()).isEqualTo(8);
  }

  @Test
  void pausedQueueStaysPausedAfterFlush() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"b\"}");
    client.call("QUEUE PAUSE b");
    client.call("FLUSH");
    client.call("PUSH {\"jid\":\"00000002\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"b\"}");
    assertThat(server.afterFetchTimeout(client, "FETCH b")).isEqualTo(Outcome.send(Reply.NULL_BULK));
  }

  @Test
  void failAfterFlushIsOkButCountsAndRetriesNothing() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[]}");
    client.send("FETCH default");
    client.call("FLUSH");
    assertThat(client.call("FAIL {\"jid\":\"00000001\"}")).isEqualTo(Reply.OK);
    assertThat(server.state().counters().failures()).isZero();
    assertThat(server.state().retries()).isEmpty();
    assertThat(server.state().working()).isEmpty();
  }

  @Test
  void ackAfterFlushCountsProcessed() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[]}");
    client.send("FETCH default");
    client.call("FLUSH");
    assertThat(client.call("ACK {\"jid\":\"00000001\"}")).isEqualTo(Reply.OK);
    assertThat(server.state().counters().processed()).isEqualTo(1);
  }

  @Test
  void reservationOfAFlushedJobNeverExpires() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"reserve_for\":60}");
    client.send("FETCH default");
    client.call("FLUSH");
    server.advanceSeconds(120);
    assertThat(server.state().working()).hasSize(1);
    assertThat(server.state().retries()).isEmpty();
  }

  @Test
  void flushResetsCountersButNotCommandCount() {
    client.call("ACK {\"jid\":\"x\"}");
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[]}");
    client.send("FETCH default");
    client.call("ACK {\"jid\":\"00000001\"}");
    server.state().flush();
    assertThat(server.state().counters()).isEqualTo(new ServerState.Counters(0, 0, 4, 1));
  }
}
