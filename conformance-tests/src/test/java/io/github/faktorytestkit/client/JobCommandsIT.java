package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Failure;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PUSH, PUSHB, FETCH, ACK and FAIL, with every error reply of faktory-protocol.md, against real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobCommandsIT extends RealFaktoryTestBase {

  @Test
  void pushRefusesJobsTheServerCannotAccept() {
    assertRefused(() -> client.push(Job.builder("T").jid("").build()), "jobs must have a reasonable jid parameter");
    assertRefused(() -> client.push(Job.builder("T").jid("1234567").build()),
        "jobs must have a reasonable jid parameter");
    assertRefused(() -> client.push(Job.of("")), "jobs must have a jobtype parameter");
    assertRefused(() -> client.push(Job.builder("T").args((List<?>) null).build()),
        "jobs must have an args parameter");
    assertRefused(() -> client.push(Job.builder("T").reserveFor(86401).build()),
        "jobs cannot be reserved for more than one day");
    assertRefused(() -> client.push(Job.builder("T").queue("no spaces").build()),
        "cannot get \"no spaces\" queue: queue names must match \\A[a-zA-Z0-9._-]+\\z");
    assertRefused(() -> client.push(Job.builder("T").at("tomorrow").build()),
        "invalid timestamp for 'at': \"tomorrow\": parsing time \"tomorrow\" as "
            + "\"2006-01-02T15:04:05.999999999Z07:00\": cannot parse \"tomorrow\" as \"2006\"");
    assertThat(client.info().totalEnqueued()).isZero();
  }

  @Test
  void pushRefusesMalformedJson() {
    assertThat(client.exchange("PUSH {\"jid\":\"12345678\",\"jobtype\":\"T\",\"args\":\"x\"}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal string into Go struct field Job.args of type []interface {}"));
    assertThat(client.exchange("PUSH {} x"))
        .isEqualTo(Reply.err("invalid JSON: invalid character 'x' after top-level value"));
    assertThat(client.exchange("PUSH ")).isEqualTo(Reply.err("invalid JSON: unexpected end of JSON input"));
  }

  @Test
  void pushBulkReportsOnlyTheRejectedJobsAndEnqueuesTheRest() {
    Job good = Job.of("T", 1);
    PushBulkResult result = client.pushBulk(List.of(good, Job.builder("T").jid("x").build(),
        Job.builder("").jid("no-type-1").build()));

    assertThat(result.errors()).containsOnly(
        Map.entry("x", "jobs must have a reasonable jid parameter"),
        Map.entry("no-type-1", "jobs must have a jobtype parameter"));
    assertThat(client.fetch("default")).map(Job::jid).contains(good.jid());
  }

  @Test
  void pushBulkOfGoodJobsReportsNothing() {
    assertThat(client.pushBulk(List.of(Job.of("T"), Job.of("T"))).allAccepted()).isTrue();
    assertThat(client.info().queues()).containsEntry("default", 2L);
  }

  @Test
  void pushBulkOfSomethingOtherThanAnArrayIsRefused() {
    assertThat(client.exchange("PUSHB {}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal object into Go value of type []client.Job"));
  }

  @Test
  void fetchTakesTheFirstListedQueueThatHasAJob() {
    Job low = Job.builder("T").queue("fetch-low").build();
    Job high = Job.builder("T").queue("fetch-high").build();
    client.push(low);
    client.push(high);

    assertThat(client.fetch("fetch-high", "fetch-low")).map(Job::jid).contains(high.jid());
    assertThat(client.fetch("fetch-high", "fetch-low")).map(Job::jid).contains(low.jid());
  }

  @Test
  void fetchOfEmptyQueuesReturnsNothing() {
    assertThat(client.fetch("fetch-empty-1", "fetch-empty-2")).isEmpty();
  }

  @Test
  void fetchWithoutQueueIsRefusedByTheServer() {
    assertThat(client.exchange("FETCH")).isEqualTo(Reply.err("must call fetch with at least one queue"));
  }

  @Test
  void ackOfAnyJidIsOk() {
    client.push(Job.of("T"));
    Job job = client.fetch("default").orElseThrow();
    client.ack(job.jid());
    client.ack(job.jid());
    client.ack("never-pushed-jid");
    assertThat(client.info().totalProcessed()).isEqualTo(1);
  }

  @Test
  void ackOfAMalformedPayloadIsRefused() {
    assertThat(client.exchange("ACK {\"jid\":1}")).isEqualTo(Reply.err("invalid ACK {\"jid\":1}"));
    assertThat(client.exchange("ACK {}")).isEqualTo(Reply.err("invalid ACK {}"));
  }

  @Test
  void failRecordsTheFailureOnTheJob() {
    client.push(Job.of("T"));
    Job job = client.fetch("default").orElseThrow();
    client.fail(job.jid(), new IllegalStateException("it broke"));
    assertThat(client.info().setSize("retries")).isEqualTo(1);

    client.mutate(Mutation.requeue(Mutation.Target.RETRIES, null));
    Failure failure = client.fetch("default").orElseThrow().failure();

    assertThat(failure.errtype()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failure.message()).isEqualTo("it broke");
    assertThat(failure.backtrace()).isNotEmpty().allMatch(line -> !line.isBlank());
    assertThat(failure.retryCount()).isZero();
    assertThat(failure.remaining()).isEqualTo(25);
    assertThat(failure.nextAt()).isNotEmpty();
  }

  @Test
  void failOfAJobNotReservedIsRefused() {
    assertRefused(() -> client.fail("never-fetched", "E", "m", null), "Job not found never-fetched");
    client.push(Job.of("T"));
    Job job = client.fetch("default").orElseThrow();
    client.ack(job.jid());
    assertRefused(() -> client.fail(job.jid(), "E", "m", List.of()), "Job not found " + job.jid());
  }

  @Test
  void failWithoutJidOrWithAMalformedPayloadIsRefused() {
    assertRefused(() -> client.fail("", "E", "m", null), "missing JID");
    assertThat(client.exchange("FAIL x")).isEqualTo(Reply.err("invalid FAIL x"));
  }
}
