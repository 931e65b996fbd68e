package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** INFO, FLUSH, QUEUE, the Enterprise-only verbs and unknown commands against real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdministrationIT extends RealFaktoryTestBase {

  @Test
  void infoReportsQueuesSetsAndServer() {
    client.push(Job.builder("T").queue("info-q").build());
    client.push(Job.builder("T").queue("info-q").build());

    ServerInfo info = client.info();

    assertThat(info.queues()).containsEntry("info-q", 2L);
    assertThat(info.totalEnqueued()).isEqualTo(2);
    assertThat(info.sets()).containsOnlyKeys("scheduled", "retries", "dead", "working");
    assertThat(info.version()).isEqualTo(faktory().version());
    assertThat(info.connections()).isPositive();
    assertThat(info.json().size()).isEqualTo(4);
  }

  @Test
  void flushDeletesEveryJob() {
    client.push(Job.builder("T").queue("flush-q").build());
    client.flush();
    assertThat(client.info().totalEnqueued()).isZero();
  }

  @Test
  void pausedQueueIsSkippedByFetchUntilResumed() {
    Job job = Job.builder("T").queue("pause-q").build();
    client.push(job);

    client.queuePause("pause-q");
    assertThat(client.fetch("pause-q")).isEmpty();
    client.queueResume("pause-q");

    assertThat(client.fetch("pause-q")).map(Job::jid).contains(job.jid());
  }

  @Test
  void wildcardPausesAndResumesEveryKnownQueue() {
    client.push(Job.builder("T").queue("wild-q").build());
    client.queuePause("*");
    client.queueResume("*");
    assertThat(client.fetch("wild-q")).isPresent();
  }

  @Test
  void removeDeletesTheQueueWithItsJobs() {
    client.push(Job.builder("T").queue("doomed-q").build());
    client.queueRemove("doomed-q", "never-existed-q");
    assertThat(client.info().queues()).doesNotContainKey("doomed-q");
  }

  @Test
  void latencyIsTheOldestJobsWaitAndZeroForEmptyQueues() {
    client.push(Job.builder("T").queue("latency-q").build());
    assertThat(client.queueLatency("latency-q", "latency-empty"))
        .hasEntrySatisfying("latency-q", wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofMinutes(1)))
        .containsEntry("latency-empty", Duration.ZERO);
  }

  @Test
  void latencyOfTheWildcardIsRefused() {
    assertRefused(() -> client.queueLatency("*"), "QUEUE LATENCY does not support wildcards");
  }

  @Test
  void unknownQueueSubcommandIsRefused() {
    assertThat(client.exchange("QUEUE UNPAUSE *")).isEqualTo(Reply.err("no such QUEUE subcommand: UNPAUSE"));
    assertThat(client.exchange("queue latency default")).isEqualTo(Reply.err("unknown command queue"));
  }

  @Test
  void enterpriseVerbsAreRefused() {
    assertThat(client.exchange("BATCH NEW {}"))
        .isEqualTo(Reply.err("batch subsystem is only available in Faktory Enterprise"));
    assertThat(client.exchange("TRACK GET 12345678"))
        .isEqualTo(Reply.err("tracking subsystem is only available in Faktory Enterprise"));
  }

  @Test
  void unknownCommandsAreRefusedAndTheConnectionStaysOpen() {
    assertThat(client.exchange("CMD foo")).isEqualTo(Reply.err("unknown command CMD"));
    assertThat(client.exchange("HELLO {}")).isEqualTo(Reply.err("unknown command HELLO"));
    assertThat(client.exchange("")).isEqualTo(Reply.err("unknown command "));
    client.flush();
  }
}
