package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MUTATE, replaying a scenario recorded against real Faktory 1.9.4 (set sizes after each step match it). */
@Timeout(10)
class MutateTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  @BeforeEach
  void seedFiveRetries() {
    List<String[]> jobs = List.of(new String[] {"A", "\"uid:1\""}, new String[] {"A", "\"uid:2\""},
        new String[] {"B", "\"uid:1\""}, new String[] {"B", "\"x<y\""}, new String[] {"C", "\"a\\\"b\""});
    for (int i = 0; i < jobs.size(); i++) {
      String jid = String.format("jid%05d", i);
      client.call("PUSH {\"jid\":\"" + jid + "\",\"jobtype\":\"" + jobs.get(i)[0] + "\",\"args\":[" + jobs.get(i)[1]
          + "],\"retry\":5}");
      client.send("FETCH default");
      client.call("FAIL {\"jid\":\"" + jid + "\"}");
    }
    assertSizes(5, 0, 0);
  }

  private void mutate(String json) {
    assertThat(client.call("MUTATE " + json)).as(json).isEqualTo(Reply.OK);
  }

  private void assertSizes(int retries, int dead, int queued) {
    assertThat(server.state().retries()).hasSize(retries);
    assertThat(server.state().dead()).hasSize(dead);
    assertThat(server.state().queueSize("default")).isEqualTo(queued);
  }

  @Test
  void discardByJobtypeThenByGlob() {
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":{\"jobtype\":\"A\"}}");
    assertSizes(3, 0, 0);
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":{\"regexp\":\"*uid:1*\"}}");
    assertSizes(2, 0, 0);
  }

  @Test
  void killRequeueAndClearFollowTheFilterPrecedence() {
    mutate("{\"cmd\":\"kill\",\"target\":\"retries\",\"filter\":{\"regexp\":\"*uid:1*\",\"jobtype\":\"B\"}}");
    assertSizes(4, 1, 0);
    assertThat(server.state().dead().get(0).at()).isEqualTo(FakeServer.START.plus(Duration.ofDays(180)));
    mutate("{\"cmd\":\"requeue\",\"target\":\"retries\",\"filter\":{\"jids\":[\"jid00000\"],\"jobtype\":\"B\"}}");
    assertSizes(3, 1, 1);
    mutate("{\"cmd\":\"requeue\",\"target\":\"dead\",\"filter\":{\"jids\":[\"nope\",\"jid00002\"],"
        + "\"regexp\":\"*nothing*\"}}");
    assertSizes(3, 0, 2);
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":{\"regexp\":\"*x\\\\u003cy*\"}}");
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":{\"regexp\":\"*x<y*\"}}");
    assertSizes(3, 0, 2);
    mutate("{\"cmd\":\"kill\",\"target\":\"retries\",\"filter\":{\"jobtype\":\"C\"}}");
    assertSizes(2, 1, 2);
    mutate("{\"cmd\":\"clear\",\"target\":\"dead\"}");
    assertSizes(2, 0, 2);
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":{\"regexp\":\"*[AB]\\\",\\\"created*\"}}");
    assertSizes(0, 0, 2);
  }

  @Test
  void requeuePushesTheStoredPayloadUnchanged() {
    String stored = server.state().retries().get(0).json();
    server.advanceSeconds(3);
    mutate("{\"cmd\":\"requeue\",\"target\":\"retries\",\"filter\":{\"jids\":[\"jid00000\"]}}");
    assertThat(server.state().jobsJson("default")).containsExactly(stored);
  }

  @Test
  void discardWithoutOrWithEmptyFilterEmptiesTheSet() {
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":{\"jids\":[]}}");
    assertSizes(0, 0, 0);
  }

  @Test
  void discardWithNullFilterClears() {
    mutate("{\"cmd\":\"discard\",\"target\":\"retries\",\"filter\":null}");
    assertSizes(0, 0, 0);
  }

  @Test
  void errorsUseTheServersTexts() {
    assertThat(client.call("MUTATE  {}")).isEqualTo(Reply.err("invalid format"));
    assertThat(client.call("MUTATE {\"cmd\":\"kill\", \"target\":\"dead\"}")).isEqualTo(Reply.err("invalid format"));
    assertThat(client.call("MUTATE")).isEqualTo(Reply.err("invalid format"));
    assertThat(client.call("MUTATE x")).isEqualTo(Reply.err("invalid character 'x' looking for beginning of value"));
    assertThat(client.call("MUTATE {\"cmd\":1}"))
        .isEqualTo(Reply.err("json: cannot unmarshal number into Go struct field Operation.cmd of type string"));
    assertThat(client.call("MUTATE {\"cmd\":\"kill\",\"target\":1}")).isEqualTo(Reply.err(
        "json: cannot unmarshal number into Go struct field Operation.target of type client.Structure"));
    assertThat(client.call("MUTATE {}")).isEqualTo(Reply.err("unknown mutate operation"));
    assertThat(client.call("MUTATE {\"cmd\":\"bogus\",\"target\":\"nope\"}"))
        .isEqualTo(Reply.err("unknown mutate operation"));
    assertThat(client.call("MUTATE {\"cmd\":\"clear\"}")).isEqualTo(Reply.err("invalid target for mutation command"));
    assertThat(client.call("MUTATE {\"cmd\":\"kill\",\"target\":\"queues\"}"))
        .isEqualTo(Reply.err("invalid target for mutation command"));
    assertSizes(5, 0, 0);
  }

  @Test
  void requeueOfAJobWithABadQueueNameFails() {
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"bad q\","
        + "\"at\":\"2999-01-01T00:00:00Z\"}");
    assertThat(client.call("MUTATE {\"cmd\":\"requeue\",\"target\":\"scheduled\"}"))
        .isEqualTo(Reply.err("queue names must match \\A[a-zA-Z0-9._-]+\\z"));
    assertThat(server.state().scheduled()).hasSize(1);
  }

  @Test
  void killedJobsArePurgedAfterOneHundredEightyDays() {
    mutate("{\"cmd\":\"kill\",\"target\":\"retries\",\"filter\":{\"jids\":[\"jid00001\"]}}");
    mutate("{\"cmd\":\"clear\",\"target\":\"retries\"}");
    server.advance(Duration.ofDays(180));
    assertSizes(0, 0, 0);
  }
}
