package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.time.Instant;

/**
 * A job pushed with {@code at} 3 s ahead: it waits in the scheduled set, then the scheduler moves it to its queue
 * (real Faktory: 0-5 s after {@code at}; the fake: at {@code at}) with {@code at} kept and a fresh
 * {@code enqueued_at}. Part of {@link TimersIT}.
 *
 * @param target the server
 * @param client the producer connection that pushed the job
 * @param job the job as pushed
 */
record ScheduledJobTimer(Target target, FaktoryClient client, Job job) {
  /** How far ahead the job is scheduled. */
  static final Duration DELAY = Duration.ofSeconds(3);
  private static final String QUEUE = "timers-scheduled";

  /** Pushes the job for {@link #DELAY} from now. */
  static ScheduledJobTimer start(Target target, FaktoryClient client) {
    Job job = Job.builder("TimersScheduled").queue(QUEUE).at(target.now().plus(DELAY).toString()).build();
    client.push(job);
    return new ScheduledJobTimer(target, client, job);
  }

  /** Asserts, before {@code at}, that nothing can be fetched from the job's queue yet. */
  void assertNotYetFetchable(ServerInfo info) {
    assertThat(info.queues().getOrDefault(QUEUE, 0L)).as("jobs in %s before at", QUEUE).isZero();
  }

  /** Asserts, once the scheduler must have run, that the job is fetchable as described above; ACKs it. */
  void assertEnqueuedAndAck() {
    assertThat(client.info().queues()).as("queues after at").containsEntry(QUEUE, 1L);
    Job fetched = client.fetch(QUEUE).orElseThrow();
    assertThat(fetched.jid()).isEqualTo(job.jid());
    assertThat(fetched.at()).as("at").isEqualTo(job.at());
    assertThat(ServerTimes.parse("enqueued_at", fetched.enqueuedAt()))
        .as("enqueued_at").isBetween(Instant.parse(job.at()), target.now());
    client.ack(fetched.jid());
  }
}
