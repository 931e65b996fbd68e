package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PushTest {
  private static final String NOW = "2026-03-01T10:00:00Z";

  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  @Test
  void pushThenFetchReturnsTheJobWithServerDefaultsInGoKeyOrder() {
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"Thing\",\"args\":[123]}")).isEqualTo(Reply.OK);
    assertThat(client.bulk("FETCH default")).isEqualTo("{\"retry\":25,\"jid\":\"12345678\",\"queue\":\"default\","
        + "\"jobtype\":\"Thing\",\"created_at\":\"" + NOW + "\",\"enqueued_at\":\"" + NOW + "\",\"args\":[123]}");
  }

  @Test
  void twoIdenticalScheduledPushesOnAStillClockAreTwoScheduledJobsAsOnTheRealServer() {
    String push = "PUSH {\"jid\":\"dupjid-000001\",\"jobtype\":\"T\",\"args\":[],\"at\":\"2099-01-01T00:00:00Z\"}";
    assertThat(client.call(push)).isEqualTo(Reply.OK);
    assertThat(client.call(push)).isEqualTo(Reply.OK);
    // real Faktory stamps created_at in nanoseconds of wall time: the two payloads differ, so the set holds both
    assertThat(client.bulk("INFO")).contains("\"scheduled\":2");
  }

  @Test
  void storedJobsAreReencodedAsGoWouldDropUnknownKeysAndSortCustom() {
    client.call("PUSH {\"priority\":9,\"jid\":\"12345678\",\"jobtype\":\"A\",\"queue\":\"q\",\"retry\":3,"
        + "\"created_at\":\"then\",\"enqueued_at\":\"old\",\"reserve_for\":-5,\"backtrace\":4,"
        + "\"args\":[1,1.0,1e21,12345678901234567890,0.0000001,\"<&>\\u2028\",{\"b\":1,\"a\":null}],"
        + "\"custom\":{\"z\":1,\"a\":[true]},\"failure\":{\"remaining\":1,\"failed_at\":\"f\"}}");
    assertThat(server.state().jobsJson("q")).containsExactly("{\"retry\":3,"
        + "\"failure\":{\"failed_at\":\"f\",\"retry_count\":0,\"remaining\":1},\"custom\":{\"a\":[true],\"z\":1},"
        + "\"jid\":\"12345678\",\"queue\":\"q\",\"jobtype\":\"A\",\"created_at\":\"then\",\"enqueued_at\":\"" + NOW
        + "\",\"args\":[1,1,1e+21,12345678901234567000,1e-7,\"\\u003c\\u0026\\u003e\\u2028\",{\"a\":null,\"b\":1}],"
        + "\"reserve_for\":-5,\"backtrace\":4}");
  }

  @Test
  void validationErrorsUseTheServersTexts() {
    assertThat(client.call("PUSH {\"jid\":\"1234567\",\"jobtype\":\"A\",\"args\":[]}"))
        .isEqualTo(Reply.err("jobs must have a reasonable jid parameter"));
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"args\":[]}"))
        .isEqualTo(Reply.err("jobs must have a jobtype parameter"));
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":null}"))
        .isEqualTo(Reply.err("jobs must have an args parameter"));
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"reserve_for\":86401}"))
        .isEqualTo(Reply.err("jobs cannot be reserved for more than one day"));
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"bad q\"}"))
        .isEqualTo(Reply.err("cannot get \"bad q\" queue: queue names must match \\A[a-zA-Z0-9._-]+\\z"));
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"at\":\"xx\"}"))
        .isEqualTo(Reply.err("invalid timestamp for 'at': \"xx\": parsing time \"xx\" as "
            + "\"2006-01-02T15:04:05.999999999Z07:00\": cannot parse \"xx\" as \"2006\""));
    assertThat(server.state().queueNames()).isEmpty();
  }

  @Test
  void jsonErrorsUseGosTexts() {
    assertThat(client.call("PUSH ")).isEqualTo(Reply.err("invalid JSON: unexpected end of JSON input"));
    assertThat(client.call("PUSH {\"args\":\"x\"}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal string into Go struct field Job.args of type []interface {}"));
    assertThat(client.call("PUSH {} x")).isEqualTo(Reply.err("invalid JSON: invalid character 'x' after top-level value"));
    assertThat(client.call("PUSH {\"jid\":1}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal number into Go struct field Job.jid of type string"));
    assertThat(client.call("PUSH {\"reserve_for\":1.5}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal number 1.5 into Go struct field Job.reserve_for of type int"));
  }

  @Test
  void barePushAnswersInternalErrorWhereTheRealServerCrashes() {
    assertThat(client.call("PUSH")).isEqualTo(Reply.err("internal error"));
    assertThat(client.call("PUSHB")).isEqualTo(Reply.err("internal error"));
    assertThat(server.state().counters().commandCount()).isEqualTo(2);
  }

  @Test
  void futureAtGoesToScheduledAndMovesToItsQueueOnTime() {
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"later\","
        + "\"at\":\"2026-03-01T10:00:30.5+00:00\"}");
    assertThat(server.state().scheduled()).singleElement().satisfies(e -> {
      assertThat(e.at()).isEqualTo(Instant.parse("2026-03-01T10:00:30.5Z"));
      assertThat(e.json()).doesNotContain("enqueued_at");
    });
    assertThat(server.state().queueNames()).isEmpty();
    server.advance(java.time.Duration.ofMillis(30_499));
    assertThat(server.state().queueSize("later")).isZero();
    server.advance(java.time.Duration.ofMillis(1));
    assertThat(server.state().scheduled()).isEmpty();
    assertThat(server.state().jobsJson("later")).singleElement().asString()
        .contains("\"enqueued_at\":\"2026-03-01T10:00:30.5Z\",\"at\":\"2026-03-01T10:00:30.5+00:00\"");
  }

  @Test
  void pastOrPresentAtIsEnqueuedAtOnceKeepingAt() {
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"at\":\"" + NOW + "\"}");
    assertThat(server.state().jobsJson("default")).singleElement().asString().contains("\"at\":\"" + NOW + "\"");
  }

  @Test
  void scheduledJobWithBadQueueIsAcceptedThenLostWhenDue() {
    assertThat(client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"bad q\","
        + "\"at\":\"2026-03-01T10:00:05Z\"}")).isEqualTo(Reply.OK);
    server.advanceSeconds(5);
    assertThat(server.state().scheduled()).isEmpty();
    assertThat(server.state().queueNames()).isEmpty();
  }

  @Test
  void explicitRetryBecomesTheDefaultOfLaterPushesAsOnTheRealServer() {
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"retry\":3}");
    client.call("PUSH {\"jid\":\"00000002\",\"jobtype\":\"A\",\"args\":[]}");
    client.call("PUSH {\"args\":\"x\",\"retry\":7}");
    client.call("PUSH {\"retry\":null,\"Retry\":9}");
    client.call("PUSH {\"jid\":\"00000003\",\"jobtype\":\"A\",\"args\":[]}");
    assertThat(server.state().jobs("default")).extracting(j -> j.retry()).containsExactly(3, 3, 7);
    assertThat(server.state().retryDefault()).isEqualTo(7);
    server.state().reset();
    assertThat(server.state().retryDefault()).isEqualTo(25);
  }

  @Test
  void noDuplicateJidCheck() {
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[]}");
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[]}");
    assertThat(server.state().queueSize("default")).isEqualTo(2);
  }

  @Test
  void pushBulkAnswersAMapOfJidToError() {
    assertThat(client.call("PUSHB [{\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[]},{\"jid\":\"bad\"},"
        + "{\"jid\":\"00000009\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"bad q\"}]"))
        .isEqualTo(Reply.bulk("{\"00000009\":\"cannot get \\\"bad q\\\" queue: queue names must match "
            + "\\\\A[a-zA-Z0-9._-]+\\\\z\",\"bad\":\"jobs must have a reasonable jid parameter\"}"));
    assertThat(client.call("PUSHB []")).isEqualTo(Reply.bulk("{}"));
    assertThat(client.call("PUSHB null")).isEqualTo(Reply.bulk("{}"));
    assertThat(client.call("PUSHB {}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal object into Go value of type []client.Job"));
    assertThat(client.call("PUSHB [1]")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal number into Go value of type client.Job"));
    assertThat(server.state().queueSize("default")).isEqualTo(1);
  }

  @Test
  void pushBulkUsesTheRetryDefaultWithoutChangingIt() {
    client.call("PUSHB [{\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[],\"retry\":2},"
        + "{\"jid\":\"00000002\",\"jobtype\":\"A\",\"args\":[]}]");
    assertThat(server.state().jobs("default")).extracting(j -> j.retry()).containsExactly(2, 25);
  }
}
