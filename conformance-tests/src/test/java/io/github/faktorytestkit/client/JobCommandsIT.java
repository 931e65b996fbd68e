package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.Requires;
import io.github.faktorytestkit.conformance.Target;
import io.github.faktorytestkit.protocol.Failure;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** PUSH, PUSHB, FETCH, ACK and FAIL with every error reply of faktory-protocol.md, against fake and real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobCommandsIT {

  @AcrossTargets
  void pushRefusesJobsTheServerCannotAccept(FaktoryClient client) {
    assertRefused(client, () -> client.push(Job.builder("T").jid("").build()),
        "jobs must have a reasonable jid parameter");
    assertRefused(client, () -> client.push(Job.builder("T").jid("1234567").build()),
        "jobs must have a reasonable jid parameter");
    assertRefused(client, () -> client.push(Job.of("")), "jobs must have a jobtype parameter");
    assertRefused(client, () -> client.push(Job.builder("T").args((List<?>) null).build()),
        "jobs must have an args parameter");
    assertRefused(client, () -> client.push(Job.builder("T").reserveFor(86401).build()),
        "jobs cannot be reserved for more than one day");
    assertRefused(client, () -> client.push(Job.builder("T").queue("no spaces").build()),
        "cannot get \"no spaces\" queue: queue names must match \\A[a-zA-Z0-9._-]+\\z");
    assertRefused(client, () -> client.push(Job.builder("T").at("tomorrow").build()),
        "invalid timestamp for 'at': \"tomorrow\": parsing time \"tomorrow\" as "
            + "\"2006-01-02T15:04:05.999999999Z07:00\": cannot parse \"tomorrow\" as \"2006\"");
    assertThat(client.info().totalEnqueued()).isZero();
  }

  @AcrossTargets
  void pushRefusesMalformedJson(FaktoryClient client) {
    assertThat(client.exchange("PUSH {\"jid\":\"12345678\",\"jobtype\":\"T\",\"args\":\"x\"}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal string into Go struct field Job.args of type []interface {}"));
    assertThat(client.exchange("PUSH {} x"))
        .isEqualTo(Reply.err("invalid JSON: invalid character 'x' after top-level value"));
    assertThat(client.exchange("PUSH ")).isEqualTo(Reply.err("invalid JSON: unexpected end of JSON input"));
  }

  @AcrossTargets
  void pushBulkReportsOnlyTheRejectedJobsAndEnqueuesTheRest(FaktoryClient client) {
    Job good = Job.of("T", 1);
    PushBulkResult result = client.pushBulk(List.of(good, Job.builder("T").jid("x").build(),
        Job.builder("").jid("no-type-1").build()));

    assertThat(result.errors()).containsOnly(
        Map.entry("x", "jobs must have a reasonable jid parameter"),
        Map.entry("no-type-1", "jobs must have a jobtype parameter"));
    assertThat(client.fetch("default")).map(Job::jid).contains(good.jid());
  }

  @AcrossTargets
  void pushBulkOfGoodJobsReportsNothing(FaktoryClient client) {
    assertThat(client.pushBulk(List.of(Job.of("T"), Job.of("T"))).allAccepted()).isTrue();
    assertThat(client.info().queues()).containsEntry("default", 2L);
  }

  @AcrossTargets
  void pushBulkOfSomethingOtherThanAnArrayIsRefused(FaktoryClient client) {
    assertThat(client.exchange("PUSHB {}")).isEqualTo(Reply.err(
        "invalid JSON: json: cannot unmarshal object into Go value of type []client.Job"));
  }

  @AcrossTargets
  void fetchTakesTheFirstListedQueueThatHasAJob(FaktoryClient client) {
    Job low = Job.builder("T").queue("fetch-low").build();
    Job high = Job.builder("T").queue("fetch-high").build();
    client.push(low);
    client.push(high);

    assertThat(client.fetch("fetch-high", "fetch-low")).map(Job::jid).contains(high.jid());
    assertThat(client.fetch("fetch-high", "fetch-low")).map(Job::jid).contains(low.jid());
  }

  @AcrossTargets
  void fetchOfEmptyQueuesReturnsNothing(Target target, FaktoryClient client) {
    assertThat(target.blockingFetch(() -> client.fetch("fetch-empty-1", "fetch-empty-2"))).isEmpty();
  }

  @AcrossTargets
  @Requires(FaktoryFeature.INFO_SETS)
  void scheduledJobIsEnqueuedOnceItsTimeHasCome(Target target, FaktoryClient client) {
    Job job = Job.builder("T").queue("scheduled-q").at(target.now().plusSeconds(1).toString()).build();
    client.push(job);
    assertThat(client.info().setSize("scheduled")).isEqualTo(1);

    target.elapse(Duration.ofSeconds(12)); // real Faktory moves due jobs every 5 s, and may skip a period

    assertThat(client.info().setSize("scheduled")).isZero();
    assertThat(client.fetch("scheduled-q")).map(Job::jid).contains(job.jid());
  }

  @AcrossTargets
  void fetchWithoutQueueIsRefusedByTheServer(FaktoryClient client) {
    assertThat(client.exchange("FETCH")).isEqualTo(Reply.err("must call fetch with at least one queue"));
  }

  @AcrossTargets
  void ackOfAnyJidIsOk(FaktoryClient client) {
    client.push(Job.of("T"));
    Job job = client.fetch("default").orElseThrow();
    client.ack(job.jid());
    client.ack(job.jid());
    client.ack("never-pushed-jid");
    assertThat(client.info().totalProcessed()).isEqualTo(1);
  }

  @AcrossTargets
  void ackOfAMalformedPayloadIsRefused(FaktoryClient client) {
    assertThat(client.exchange("ACK {\"jid\":1}")).isEqualTo(Reply.err("invalid ACK {\"jid\":1}"));
    assertThat(client.exchange("ACK {}")).isEqualTo(Reply.err("invalid ACK {}"));
  }

  @AcrossTargets
  @Requires(FaktoryFeature.INFO_SETS)
  void failRecordsTheFailureOnTheJob(FaktoryClient client) {
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

  @AcrossTargets
  void failOfAJobNotReservedIsRefused(FaktoryClient client) {
    assertRefused(client, () -> client.fail("never-fetched", "E", "m", null),
        "Job not found never-fetched");
    client.push(Job.of("T"));
    Job job = client.fetch("default").orElseThrow();
    client.ack(job.jid());
    assertRefused(client, () -> client.fail(job.jid(), "E", "m", List.of()), "Job not found " + job.jid());
  }

  @AcrossTargets
  void failWithoutJidOrWithAMalformedPayloadIsRefused(FaktoryClient client) {
    assertRefused(client, () -> client.fail("", "E", "m", null), "missing JID");
    assertThat(client.exchange("FAIL x")).isEqualTo(Reply.err("invalid FAIL x"));
  }
}
