package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.protocol.Failure;
import io.github.faktorytestkit.protocol.Job;
import java.time.Instant;
import java.util.List;

/**
 * A FAILed job waits in the retries set until its {@code next_at}, 15-44 s after the failure, then goes back to its
 * queue (real Faktory: up to 5 s later; the fake: at {@code next_at}) with the failure recorded and a fresh
 * {@code enqueued_at}. Part of {@link TimersIT}.
 *
 * @param target the server
 * @param client the producer connection that fetched and FAILed the job
 * @param jid the job's jid
 * @param failSent when the FAIL was sent
 * @param failAnswered when the FAIL was answered
 */
record RetryTimer(Target target, FaktoryClient client, String jid, Instant failSent, Instant failAnswered) {
  private static final String QUEUE = "timers-retry";
  private static final List<String> BACKTRACE = List.of("timers.go:1", "timers.go:2");

  /** Pushes a job, fetches it and FAILs it. */
  static RetryTimer start(Target target, FaktoryClient client) {
    client.push(Job.builder("TimersRetry").queue(QUEUE).build());
    String jid = client.fetch(QUEUE).orElseThrow().jid();
    Instant sent = target.now();
    client.fail(jid, "TimersError", "failed on purpose", BACKTRACE);
    return new RetryTimer(target, client, jid, sent, target.now());
  }

  /** Asserts, before the earliest {@code next_at}, that the job is not back on its queue. */
  void assertNotYetRetried(ServerInfo info) {
    assertThat(info.queues().getOrDefault(QUEUE, 0L)).as("jobs in %s before the backoff", QUEUE).isZero();
  }

  /** Asserts, once the latest retry must have run, that the job is back with its failure; ACKs it. */
  void assertRetriedAndAck() {
    assertThat(client.info().queues()).as("queues after the backoff").containsEntry(QUEUE, 1L);
    Job job = client.fetch(QUEUE).orElseThrow();
    assertThat(job.jid()).isEqualTo(jid);
    Failure failure = job.failure();
    assertThat(failure).as("failure").isNotNull();
    assertThat(failure.errtype()).isEqualTo("TimersError");
    assertThat(failure.message()).isEqualTo("failed on purpose");
    assertThat(failure.backtrace()).isEqualTo(BACKTRACE);
    assertThat(failure.retryCount()).isZero();
    assertThat(failure.remaining()).isEqualTo(25);
    Instant failedAt = ServerTimes.parse("failed_at", failure.failedAt());
    assertThat(failedAt).as("failed_at").isBetween(failSent, failAnswered);
    Instant nextAt = ServerTimes.parse("next_at", failure.nextAt());
    assertThat(ServerTimes.wholeSecondsBetween(failedAt, nextAt)).as("backoff in s").isBetween(15L, 44L);
    assertThat(ServerTimes.parse("enqueued_at", job.enqueuedAt())).as("enqueued_at").isBetween(nextAt, target.now());
    client.ack(jid);
  }
}
