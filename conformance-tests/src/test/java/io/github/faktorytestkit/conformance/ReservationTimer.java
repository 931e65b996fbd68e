package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.Mutation;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.protocol.Failure;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.time.Instant;

/**
 * A job fetched with {@code reserve_for} 60 and never ACKed: once the reservation expires (real Faktory: its reaper
 * runs every 15 s, so 0-15 s after the deadline, 30 s when a period is skipped; the fake: at the deadline) the job goes through the failure path
 * with errtype {@code ReservationExpired}, and a late ACK or FAIL finds no reservation. Part of {@link TimersIT}.
 *
 * @param client the producer connection that fetched the job
 * @param jid the job's jid
 * @param fetchSent when the FETCH was sent
 * @param fetchAnswered when the FETCH was answered
 */
record ReservationTimer(FaktoryClient client, String jid, Instant fetchSent, Instant fetchAnswered) {
  /** The reservation asked for, Faktory's minimum. */
  static final int RESERVE_SECONDS = 60;
  /**
   * The latest a real server expires a reservation after its deadline: two reaper periods (a late tick of its task
   * runner skips one) and a ticker second.
   */
  static final Duration LATEST_EXPIRY = Duration.ofSeconds(15 + 15 + 1);
  /** How late a real server may move a due retry: two scanner periods (one may be skipped) and a ticker second. */
  private static final Duration LATEST_RETRY = Duration.ofSeconds(5 + 5 + 1);
  private static final String QUEUE = "timers-reserve";

  /** Pushes the job with {@code reserve_for} 60 and fetches it on {@code client}, a producer connection. */
  static ReservationTimer start(Target target, FaktoryClient client) {
    client.push(Job.builder("TimersReserve").queue(QUEUE).reserveFor(RESERVE_SECONDS).build());
    Instant sent = target.now();
    Job job = client.fetch(QUEUE).orElseThrow();
    assertThat(job.reserveFor()).as("reserve_for").isEqualTo(RESERVE_SECONDS);
    return new ReservationTimer(client, job.jid(), sent, target.now());
  }

  /**
   * Asserts, after the latest expiry, that the job left the working set for the retries set; its backoff may have
   * passed too, so it may be back on its queue already. {@code info} was taken then, when this job was the only one
   * in the retries set.
   */
  void assertExpired(ServerInfo info) {
    long retries = info.setSize("retries");
    long queued = info.queues().getOrDefault(QUEUE, 0L);
    assertThat(retries + queued).as("expired job in retries (%s) or back on %s (%s)", retries, QUEUE, queued)
        .isEqualTo(1);
    assertLateAckAndFail();
    Failure failure = requeueAndFetch().failure();
    assertThat(failure).as("failure").isNotNull();
    assertThat(failure.errtype()).isEqualTo("ReservationExpired");
    assertThat(failure.message()).isEqualTo("Faktory job reservation expired");
    assertThat(failure.backtrace()).as("backtrace").isNull();
    assertThat(failure.retryCount()).isZero();
    assertThat(failure.remaining()).isEqualTo(25);
    assertTimes(failure, ServerTimes.parse("INFO now", info.now()), queued == 1);
  }

  /** Expired between the deadline and the latest expiry, retried 15-44 s later, moved on time. */
  private void assertTimes(Failure failure, Instant infoTaken, boolean retriedAlready) {
    Instant failedAt = ServerTimes.parse("failed_at", failure.failedAt());
    Duration reserved = Duration.ofSeconds(RESERVE_SECONDS);
    assertThat(failedAt).as("failed_at")
        .isBetween(fetchSent.plus(reserved), fetchAnswered.plus(reserved).plus(LATEST_EXPIRY));
    Instant nextAt = ServerTimes.parse("next_at", failure.nextAt());
    assertThat(ServerTimes.wholeSecondsBetween(failedAt, nextAt)).as("backoff in s").isBetween(15L, 44L);
    if (retriedAlready) {
      assertThat(nextAt).as("next_at of a job retried before INFO").isBeforeOrEqualTo(infoTaken);
    } else {
      assertThat(nextAt).as("next_at of a job still waiting at INFO").isAfter(infoTaken.minus(LATEST_RETRY));
    }
  }

  /** The reservation is gone: a late FAIL is refused, a late ACK answers OK (and counts nothing). */
  private void assertLateAckAndFail() {
    assertThat(client.exchange("FAIL {\"jid\":\"" + jid + "\",\"errtype\":\"Late\",\"message\":\"too late\"}"))
        .as("late FAIL").isEqualTo(Reply.err("Job not found " + jid));
    assertThat(client.exchange("ACK {\"jid\":\"" + jid + "\"}")).as("late ACK").isEqualTo(Reply.OK);
  }

  /** Moves the job from the retries set to its queue if it is still there, and fetches it. */
  private Job requeueAndFetch() {
    client.mutate(Mutation.requeue(Mutation.Target.RETRIES, Mutation.Filter.withJids(jid)));
    assertThat(client.info().queues()).as("queues after the requeue").containsEntry(QUEUE, 1L);
    Job job = client.fetch(QUEUE).orElseThrow();
    assertThat(job.jid()).isEqualTo(jid);
    return job;
  }
}
