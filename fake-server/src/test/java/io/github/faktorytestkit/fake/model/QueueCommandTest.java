package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class QueueCommandTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  private void push(String jid, String queue) {
    client.call("PUSH {\"jid\":\"" + jid + "\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"" + queue + "\"}");
  }

  @Test
  void pauseAndResumeWorkOnlyOnKnownQueuesAndAlwaysAnswerOk() {
    push("00000001", "a");
    assertThat(client.call("QUEUE PAUSE a nope")).isEqualTo(Reply.OK);
    assertThat(server.state().pausedQueues()).containsExactly("a");
    assertThat(client.call("QUEUE resume a")).isEqualTo(Reply.OK);
    assertThat(server.state().pausedQueues()).isEmpty();
  }

  @Test
  void wildcardMeansEveryKnownQueue() {
    push("00000001", "a");
    push("00000002", "b");
    client.call("QUEUE PAUSE *");
    assertThat(server.state().pausedQueues()).containsExactlyInAnyOrder("a", "b");
    client.call("QUEUE RESUME * a");
    assertThat(server.state().pausedQueues()).isEmpty();
    client.call("QUEUE REMOVE *");
    assertThat(server.state().queueNames()).isEmpty();
  }

  @Test
  void removeDropsTheJobsTheNameAndThePause() {
    push("00000001", "a");
    client.call("QUEUE PAUSE a");
    assertThat(client.call("QUEUE REMOVE a frobnoz")).isEqualTo(Reply.OK);
    assertThat(server.state().queueNames()).isEmpty();
    assertThat(server.state().queueSize("a")).isZero();
    assertThat(server.state().pausedQueues()).isEmpty();
  }

  @Test
  void theVerbItselfIsCaseSensitive() {
    assertThat(client.call("queue pause *")).isEqualTo(Reply.err("unknown command queue"));
  }

  @Test
  void unknownSubcommandIsEchoedUpperCased() {
    assertThat(client.call("QUEUE unpause *")).isEqualTo(Reply.err("no such QUEUE subcommand: UNPAUSE"));
    assertThat(client.call("QUEUE ")).isEqualTo(Reply.err("no such QUEUE subcommand: "));
  }

  @Test
  void queueWithoutSubcommandOrNamesAnswersInternalError() {
    assertThat(client.call("QUEUE")).isEqualTo(Reply.err("internal error"));
    assertThat(client.call("QUEUE PAUSE")).isEqualTo(Reply.err("internal error"));
    assertThat(client.call("QUEUE REMOVE")).isEqualTo(Reply.err("internal error"));
    assertThat(client.call("QUEUE PAUSE ")).isEqualTo(Reply.OK);
  }

  @Test
  void latencyIsSecondsSinceTheOldestJobWasEnqueued() {
    push("00000001", "a");
    server.advance(Duration.ofMillis(1500));
    push("00000002", "a");
    server.advance(Duration.ofNanos(250_000_001));
    assertThat(client.call("QUEUE LATENCY a nope")).isEqualTo(Reply.bulk("{\"a\":1.750000001,\"nope\":0}"));
    assertThat(client.call("QUEUE latency default")).isEqualTo(Reply.bulk("{\"default\":0}"));
    assertThat(client.call("QUEUE LATENCY")).isEqualTo(Reply.bulk("{}"));
  }

  @Test
  void latencyOfARequeuedScheduledJobFailsForWantOfEnqueuedAt() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"s\","
        + "\"at\":\"2999-01-01T00:00:00Z\"}");
    client.call("MUTATE {\"cmd\":\"requeue\",\"target\":\"scheduled\"}");
    assertThat(client.call("QUEUE LATENCY s")).isEqualTo(Reply.err("QUEUE: parsing time \"\" as "
        + "\"2006-01-02T15:04:05.999999999Z07:00\": cannot parse \"\" as \"2006\""));
    assertThat(client.bulk("FETCH s")).doesNotContain("enqueued_at");
  }

  @Test
  void latencyRefusesAWildcardAlone() {
    assertThat(client.call("QUEUE LATENCY *")).isEqualTo(Reply.err("QUEUE LATENCY does not support wildcards"));
    assertThat(client.call("QUEUE LATENCY * x")).isEqualTo(Reply.bulk("{\"*\":0,\"x\":0}"));
  }

  @Test
  void aQueueExistsFromItsFirstImmediatePush() {
    client.call("QUEUE PAUSE a");
    push("00000001", "a");
    assertThat(server.state().pausedQueues()).isEmpty();
    assertThat(server.state().queueNames()).containsExactly("a");
  }
}
