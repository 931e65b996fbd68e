package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queues share Redis's keyspace with Faktory's own keys, so a queue named "scheduled", "processed", ... collides
 * with them. Replays a session recorded against real Faktory 1.9.4.
 */
@Timeout(10)
class KeyspaceTest {
  private static final Reply WRONGTYPE = Reply.err(ErrorTexts.WRONGTYPE);

  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  private Reply push(String jid, String queue, String extra) {
    return client.call("PUSH {\"jid\":\"" + jid + "\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"" + queue + "\""
        + extra + "}");
  }

  @Test
  void queueNamedLikeFaktorysOwnKeysBreaksWhatUsesThoseKeys() {
    assertThat(push("job00001", "scheduled", "")).isEqualTo(Reply.OK);
    assertThat(push("job00002", "x", ",\"at\":\"2999-01-01T00:00:00Z\"")).isEqualTo(WRONGTYPE);
    assertThat(client.call("INFO")).isEqualTo(WRONGTYPE);
    assertThatThrownBy(() -> server.state().info()).hasMessage(ErrorTexts.WRONGTYPE);
    assertThat(client.call("FETCH scheduled")).isInstanceOf(Reply.BulkString.class);
    assertThat(push("job00003", "retries", "")).isEqualTo(Reply.OK);
    assertThat(client.call("QUEUE LATENCY queues")).isEqualTo(Reply.err("QUEUE: " + ErrorTexts.WRONGTYPE));
    assertThat(client.call("QUEUE LATENCY processed")).isEqualTo(Reply.err("QUEUE: " + ErrorTexts.WRONGTYPE));
    assertThat(client.call("INFO")).isEqualTo(WRONGTYPE);
    assertThat(push("job00004", "processed", "")).isEqualTo(WRONGTYPE);
    assertThat(client.call("FETCH processed")).isEqualTo(WRONGTYPE);
    assertThat(client.call("FLUSH")).isEqualTo(Reply.OK);
    assertThat(client.call("INFO")).isInstanceOf(Reply.BulkString.class);
  }

  @Test
  void fetchFailsOnACollidingKeyListedBeforeAnyJob() {
    push("job00001", "a", "");
    client.call("INFO");
    assertThat(client.call("FETCH processed a")).isEqualTo(WRONGTYPE);
    assertThat(client.call("FETCH a processed")).isInstanceOf(Reply.BulkString.class);
  }

  @Test
  void failingIntoACollidingRetriesKeyIsAnErrorAfterCounting() {
    push("job00001", "a", "");
    client.send("FETCH a");
    push("job00002", "retries", "");
    assertThat(client.call("FAIL {\"jid\":\"job00001\"}")).isEqualTo(WRONGTYPE);
    assertThat(server.state().counters().failures()).isEqualTo(1);
  }

  @Test
  void queueNamedQueuesCannotHoldJobsAndBreaksInfoUntilRemoved() {
    push("job00001", "a", "");
    assertThat(push("job00002", "queues", "")).isEqualTo(WRONGTYPE);
    assertThat(client.call("INFO")).isEqualTo(WRONGTYPE);
    assertThat(client.call("QUEUE REMOVE queues")).isEqualTo(Reply.OK);
    assertThat(client.bulk("INFO")).contains("\"queues\":{\"a\":1}");
  }

  @Test
  void queueNamedWorkingMakesReservationsFailAndLosesTheFetchedJob() {
    assertThat(push("job00002", "working", "")).isEqualTo(Reply.OK);
    assertThat(push("job00003", "a", "")).isEqualTo(Reply.OK);
    assertThat(client.call("FETCH a")).isEqualTo(
        Reply.err("cannot add element in the working set: " + ErrorTexts.WRONGTYPE));
    assertThat(server.state().queueSize("a")).isZero();
    assertThat(client.bulk("FETCH working")).contains("\"jid\":\"job00002\"");
    assertThat(client.call("FETCH working")).isEqualTo(WRONGTYPE);
  }

  @Test
  void queueListNamedQueuesBlocksRegisteringNewQueues() {
    assertThat(push("job00002", "queues", "")).isEqualTo(WRONGTYPE);
    client.call("FLUSH");
    assertThat(push("job00003", "queues", "")).isEqualTo(Reply.OK);
    assertThat(push("job00004", "b", "")).isEqualTo(Reply.err(
        "cannot get \"b\" queue: unable to store queue name: " + ErrorTexts.WRONGTYPE));
    assertThat(client.call("QUEUE PAUSE queues")).isEqualTo(Reply.OK);
    assertThat(server.afterFetchTimeout(client, "FETCH queues")).isEqualTo(Outcome.send(Reply.NULL_BULK));
  }

  @Test
  void clearOfASetNamedLikeAQueueDeletesTheQueuesJobs() {
    push("job00001", "dead", "");
    assertThat(client.call("MUTATE {\"cmd\":\"clear\",\"target\":\"dead\"}")).isEqualTo(Reply.OK);
    assertThat(server.state().queueSize("dead")).isZero();
  }
}
