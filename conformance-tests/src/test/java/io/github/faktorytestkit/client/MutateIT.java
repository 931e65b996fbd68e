package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.Mutation.Filter;
import io.github.faktorytestkit.client.Mutation.Target;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MUTATE's commands, targets, filters and errors against real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutateIT extends RealFaktoryTestBase {
  private static final String LATER = Instant.now().plus(1, ChronoUnit.HOURS).toString();

  @Test
  void discardByJobtypeRemovesOnlyThatType() {
    schedule("Alpha", "discard-a1");
    schedule("Alpha", "discard-a2");
    schedule("Beta", "discard-b1");
    client.mutate(Mutation.discard(Target.SCHEDULED, Filter.ofType("Alpha")));
    assertThat(sets()).containsEntry("scheduled", 1L);
  }

  @Test
  void killByJidMovesTheJobToTheDeadSet() {
    schedule("Alpha", "kill-jid-1");
    schedule("Alpha", "kill-jid-2");
    client.mutate(Mutation.kill(Target.SCHEDULED, Filter.withJids("kill-jid-2")));
    assertThat(sets()).containsEntry("scheduled", 1L).containsEntry("dead", 1L);
  }

  @Test
  void jidsOverrideJobtypeAndPattern() {
    schedule("Alpha", "override-1");
    schedule("Beta", "override-2");
    client.mutate(Mutation.kill(Target.SCHEDULED, new Filter("Beta", List.of("override-1"), "*Beta*")));
    assertThat(sets()).containsEntry("dead", 1L);
    client.mutate(Mutation.requeue(Target.DEAD, null));
    assertThat(client.fetch("default")).map(Job::jid).contains("override-1");
  }

  @Test
  void requeueByPatternWithASpaceFindsTheJob() {
    client.push(Job.builder("Alpha").jid("requeue-glob-1").args("two words").at(LATER).build());
    schedule("Alpha", "requeue-glob-2");
    client.mutate(Mutation.requeue(Target.SCHEDULED, Filter.matching("*two words*")));
    assertThat(client.fetch("default")).map(Job::jid).contains("requeue-glob-1");
    assertThat(sets()).containsEntry("scheduled", 1L);
  }

  @Test
  void patternNarrowedByJobtypeMatchesOnlyThatType() {
    client.push(Job.builder("Alpha").jid("narrow-1").args("needle").at(LATER).build());
    client.push(Job.builder("Beta").jid("narrow-2").args("needle").at(LATER).build());
    client.mutate(Mutation.discard(Target.SCHEDULED, Filter.matching("*needle*").andType("Beta")));
    assertThat(sets()).containsEntry("scheduled", 1L);
  }

  @Test
  void clearEmptiesTheRetriesAndDeadSets() {
    failOnce("clear-retry-1", 5);
    failOnce("clear-dead-1", -1);
    assertThat(sets()).containsEntry("retries", 1L).containsEntry("dead", 1L);

    client.mutate(Mutation.clear(Target.RETRIES));
    client.mutate(Mutation.discard(Target.DEAD, null));

    assertThat(sets()).containsEntry("retries", 0L).containsEntry("dead", 0L);
  }

  @Test
  void malformedOperationsAreRefused() {
    assertThat(client.exchange("MUTATE {\"cmd\":\"kill\", \"target\":\"dead\"}"))
        .isEqualTo(Reply.err("invalid format"));
    assertThat(client.exchange("MUTATE {\"cmd\":\"explode\",\"target\":\"dead\"}"))
        .isEqualTo(Reply.err("unknown mutate operation"));
    assertThat(client.exchange("MUTATE {\"cmd\":\"kill\",\"target\":\"\"}"))
        .isEqualTo(Reply.err("invalid target for mutation command"));
    assertThat(client.exchange("MUTATE {")).isEqualTo(Reply.err("unexpected end of JSON input"));
  }

  private void schedule(String jobtype, String jid) {
    client.push(Job.builder(jobtype).jid(jid).at(LATER).build());
  }

  private void failOnce(String jid, int retry) {
    client.push(Job.builder("T").jid(jid).retry(retry).queue("mutate-fail-q").build());
    Job job = client.fetch("mutate-fail-q").orElseThrow();
    client.fail(job.jid(), "E", "failed on purpose", null);
  }

  private Map<String, Long> sets() {
    return client.info().sets();
  }
}
