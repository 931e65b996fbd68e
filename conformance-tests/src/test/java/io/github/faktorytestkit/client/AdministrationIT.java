package io.github.faktorytestkit.client;

import static io.github.faktorytestkit.client.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.Requires;
import io.github.faktorytestkit.conformance.Target;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.real.RealTargets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** INFO, FLUSH, QUEUE, the Enterprise-only verbs and unknown commands, against the fake and real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdministrationIT {

  @AcrossTargets
  @Requires(FaktoryFeature.INFO_SETS)
  void infoReportsQueuesSetsAndServer(FaktoryClient client) {
    client.push(Job.builder("T").queue("info-q").build());
    client.push(Job.builder("T").queue("info-q").build());

    ServerInfo info = client.info();

    assertThat(info.queues()).containsEntry("info-q", 2L);
    assertThat(info.totalEnqueued()).isEqualTo(2);
    assertThat(info.sets()).containsOnlyKeys("scheduled", "retries", "dead", "working");
    assertThat(info.version()).isEqualTo(RealTargets.version());
    assertThat(info.connections()).isPositive();
    assertThat(info.json().size()).isEqualTo(4);
  }

  @AcrossTargets
  void commandCountCountsEveryKnownVerbIncludingTheInfoThatReportsIt(FaktoryClient client) {
    long before = client.info().commandCount();
    client.flush();
    client.exchange("CMD foo");
    client.exchange("BATCH NEW {}");
    assertThat(client.info().commandCount()).isEqualTo(before + 3);
  }

  @AcrossTargets
  void flushDeletesEveryJob(FaktoryClient client) {
    client.push(Job.builder("T").queue("flush-q").build());
    client.flush();
    assertThat(client.info().totalEnqueued()).isZero();
  }

  @AcrossTargets
  void pausedQueueIsSkippedByFetchUntilResumed(Target target, FaktoryClient client) {
    Job job = Job.builder("T").queue("pause-q").build();
    client.push(job);

    client.queuePause("pause-q");
    assertThat(target.blockingFetch(() -> client.fetch("pause-q"))).isEmpty();
    client.queueResume("pause-q");

    assertThat(client.fetch("pause-q")).map(Job::jid).contains(job.jid());
  }

  @AcrossTargets
  void wildcardPausesAndResumesEveryKnownQueue(FaktoryClient client) {
    client.push(Job.builder("T").queue("wild-q").build());
    client.queuePause("*");
    client.queueResume("*");
    assertThat(client.fetch("wild-q")).isPresent();
  }

  @AcrossTargets
  void removeDeletesTheQueueWithItsJobs(FaktoryClient client) {
    client.push(Job.builder("T").queue("doomed-q").build());
    client.queueRemove("doomed-q", "never-existed-q");
    assertThat(client.info().queues()).doesNotContainKey("doomed-q");
  }

  @AcrossTargets
  @Requires(FaktoryFeature.QUEUE_LATENCY)
  void latencyIsTheOldestJobsWaitAndZeroForEmptyQueues(Target target, FaktoryClient client) {
    client.push(Job.builder("T").queue("latency-q").build());
    target.elapse(Duration.ofSeconds(1));
    client.push(Job.builder("T").queue("latency-q").build());
    assertThat(client.queueLatency("latency-q", "latency-empty"))
        .hasEntrySatisfying("latency-q",
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .containsEntry("latency-empty", Duration.ZERO);
  }

  @AcrossTargets
  @Requires(FaktoryFeature.QUEUE_LATENCY)
  void latencyOfTheWildcardIsRefused(FaktoryClient client) {
    assertRefused(client, () -> client.queueLatency("*"), "QUEUE LATENCY does not support wildcards");
  }

  @AcrossTargets
  @Requires(FaktoryFeature.QUEUE_SUBCOMMAND_ERROR)
  void unknownQueueSubcommandIsRefused(FaktoryClient client) {
    assertThat(client.exchange("QUEUE UNPAUSE *")).isEqualTo(Reply.err("no such QUEUE subcommand: UNPAUSE"));
    assertThat(client.exchange("queue latency default")).isEqualTo(Reply.err("unknown command queue"));
  }

  @AcrossTargets
  void enterpriseVerbsAreRefused(FaktoryClient client) {
    assertThat(client.exchange("BATCH NEW {}"))
        .isEqualTo(Reply.err("batch subsystem is only available in Faktory Enterprise"));
    assertThat(client.exchange("TRACK GET 12345678"))
        .isEqualTo(Reply.err("tracking subsystem is only available in Faktory Enterprise"));
  }

  @AcrossTargets
  void unknownCommandsAreRefusedAndTheConnectionStaysOpen(FaktoryClient client) {
    assertThat(client.exchange("CMD foo")).isEqualTo(Reply.err("unknown command CMD"));
    assertThat(client.exchange("HELLO {}")).isEqualTo(Reply.err("unknown command HELLO"));
    assertThat(client.exchange("")).isEqualTo(Reply.err("unknown command "));
    client.flush();
  }
}
