package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.Mutation.Filter;
import io.github.faktorytestkit.client.Mutation.Target;
import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.Requires;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** MUTATE's commands, targets, filters and errors, against the fake and real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Requires(FaktoryFeature.INFO_SETS)
class MutateIT {
  private static final String LATER = Instant.now().plus(1, ChronoUnit.HOURS).toString();

  @AcrossTargets
  void discardByJobtypeRemovesOnlyThatType(FaktoryClient client) {
    schedule(client, "Alpha", "discard-a1");
    schedule(client, "Alpha", "discard-a2");
    schedule(client, "Beta", "discard-b1");
    client.mutate(Mutation.discard(Target.SCHEDULED, Filter.ofType("Alpha")));
    assertThat(sets(client)).containsEntry("scheduled", 1L);
  }

  @AcrossTargets
  void killByJidMovesTheJobToTheDeadSet(FaktoryClient client) {
    schedule(client, "Alpha", "kill-jid-1");
    schedule(client, "Alpha", "kill-jid-2");
    client.mutate(Mutation.kill(Target.SCHEDULED, Filter.withJids("kill-jid-2")));
    assertThat(sets(client)).containsEntry("scheduled", 1L).containsEntry("dead", 1L);
  }

  @AcrossTargets
  @Requires(FaktoryFeature.MUTATE_JIDS_FIRST)
  void jidsOverrideJobtypeAndPattern(FaktoryClient client) {
    schedule(client, "Alpha", "override-1");
    schedule(client, "Beta", "override-2");
    client.mutate(Mutation.kill(Target.SCHEDULED, new Filter("Beta", List.of("override-1"), "*Beta*")));
    assertThat(sets(client)).containsEntry("dead", 1L);
    client.mutate(Mutation.requeue(Target.DEAD, null));
    assertThat(client.fetch("default")).map(Job::jid).contains("override-1");
  }

  @AcrossTargets
  void requeueByPatternWithASpaceFindsTheJob(FaktoryClient client) {
    client.push(Job.builder("Alpha").jid("requeue-glob-1").args("two words").at(LATER).build());
    schedule(client, "Alpha", "requeue-glob-2");
    client.mutate(Mutation.requeue(Target.SCHEDULED, Filter.matching("*two words*")));
    assertThat(client.fetch("default")).map(Job::jid).contains("requeue-glob-1");
    assertThat(sets(client)).containsEntry("scheduled", 1L);
  }

  @AcrossTargets
  void patternNarrowedByJobtypeMatchesOnlyThatType(FaktoryClient client) {
    client.push(Job.builder("Alpha").jid("narrow-1").args("needle").at(LATER).build());
    client.push(Job.builder("Beta").jid("narrow-2").args("needle").at(LATER).build());
    client.mutate(Mutation.discard(Target.SCHEDULED, Filter.matching("*needle*").andType("Beta")));
    assertThat(sets(client)).containsEntry("scheduled", 1L);
  }

  @AcrossTargets
  void clearEmptiesTheRetriesAndDeadSets(FaktoryClient client) {
    failOnce(client, "clear-retry-1", 5);
    failOnce(client, "clear-dead-1", -1);
    assertThat(sets(client)).containsEntry("retries", 1L).containsEntry("dead", 1L);

    client.mutate(Mutation.clear(Target.RETRIES));
    client.mutate(Mutation.discard(Target.DEAD, null));

    assertThat(sets(client)).containsEntry("retries", 0L).containsEntry("dead", 0L);
  }

  @AcrossTargets
  void malformedOperationsAreRefused(FaktoryClient client) {
    assertThat(client.exchange("MUTATE {\"cmd\":\"kill\", \"target\":\"dead\"}"))
        .isEqualTo(Reply.err("invalid format"));
    assertThat(client.exchange("MUTATE {\"cmd\":\"explode\",\"target\":\"dead\"}"))
        .isEqualTo(Reply.err("unknown mutate operation"));
    assertThat(client.exchange("MUTATE {\"cmd\":\"kill\",\"target\":\"\"}"))
        .isEqualTo(Reply.err("invalid target for mutation command"));
    assertThat(client.exchange("MUTATE {")).isEqualTo(Reply.err("unexpected end of JSON input"));
  }

  private static void schedule(FaktoryClient client, String jobtype, String jid) {
    client.push(Job.builder(jobtype).jid(jid).at(LATER).build());
  }

  private static void failOnce(FaktoryClient client, String jid, int retry) {
    client.push(Job.builder("T").jid(jid).retry(retry).queue("mutate-fail-q").build());
    Job job = client.fetch("mutate-fail-q").orElseThrow();
    client.fail(job.jid(), "E", "failed on purpose", null);
  }

  private static Map<String, Long> sets(FaktoryClient client) {
    return client.info().sets();
  }
}
