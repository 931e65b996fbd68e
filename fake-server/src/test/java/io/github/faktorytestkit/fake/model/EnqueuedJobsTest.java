package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * FETCH answers with a remembered job's payload instead of decoding and encoding it again: that must give the same
 * bytes, and the remembered job must encode as the decoded one does, for every job the Go vectors hold and for
 * generated ones; a payload whose encoding lost invalid UTF-8 is never remembered.
 */
class EnqueuedJobsTest {

  /** Checks the promise for one job document; returns whether its payload was remembered. */
  private static boolean rememberedFaithfully(String document) throws GoJsonException {
    return rememberedFaithfully(GoJob.parse(document));
  }

  private static boolean rememberedFaithfully(GoJob job) throws GoJsonException {
    String payload = job.toJson();
    EnqueuedJobs jobs = new EnqueuedJobs();
    jobs.remember(payload, job);
    GoJob remembered = jobs.take(payload);
    if (remembered != null) {
      GoJob decoded = GoJob.parse(payload);
      assertThat(decoded.toJson()).isEqualTo(payload);
      assertThat(remembered.toJson()).isEqualTo(decoded.toJson());
      assertThat(remembered.jid).isEqualTo(decoded.jid);
      assertThat(remembered.reserveFor).isEqualTo(decoded.reserveFor);
      assertThat(remembered.retry).isEqualTo(decoded.retry);
    }
    assertThat(jobs.take(payload)).isNull();
    return remembered != null;
  }

  @Test
  void everyGoVectorJobIsAnsweredAsDecodingAndEncodingItAgainWould() throws IOException, GoJsonException {
    int remembered = 0;
    for (JsonNode vector : GoVectorsTest.vectors()) {
      if (vector.get("kind").asText().equals("job") && vector.has("out")) {
        remembered += rememberedFaithfully(vector.get("in").asText()) ? 1 : 0;
      }
    }
    assertThat(remembered).isGreaterThan(100);
  }

  @Property(tries = 500)
  void generatedJobsAreAnsweredAsDecodingAndEncodingThemAgainWould(@ForAll String text, @ForAll double number,
      @ForAll long count) throws GoJsonException {
    String document = GoJsonWriter.write(Map.of("jid", "job-" + text, "jobtype", text, "queue", "q",
        "args", List.of(text, number, Map.of(text, List.of(number, text)), count),
        "custom", Map.of("k" + text, text), "reserve_for", count % 1000,
        "failure", Map.of("retry_count", count % 1000, "message", text, "backtrace", List.of(text))));
    boolean remembered = rememberedFaithfully(document);
    assertThat(remembered).isEqualTo(!GoJob.parse(document).toJson().contains("\\ufffd"));
  }

  @Test
  void aPayloadWhoseEncodingLostInvalidUtf8IsNotRemembered() throws GoJsonException {
    GoJob cut = GoJob.parse("{\"jid\":\"job-00001\",\"args\":[]}");
    cut.jobtype = "cut \uDCC3"; // a FAIL message cut inside a character holds such an escaped byte
    assertThat(rememberedFaithfully(cut)).isFalse();
    assertThat(rememberedFaithfully("{\"jid\":\"job-00001\",\"args\":[\"\\ufffd\"]}")).isTrue();
  }

  @Test
  void theOldestJobsAgeOutPastTheLimit() throws GoJsonException {
    EnqueuedJobs jobs = new EnqueuedJobs();
    GoJob job = GoJob.parse("{\"jid\":\"job-00001\"}");
    for (int i = 0; i <= EnqueuedJobs.MAX_JOBS; i++) {
      jobs.remember("{\"n\":" + i + "}", job);
    }
    assertThat(jobs.take("{\"n\":0}")).isNull();
    assertThat(jobs.take("{\"n\":1}")).isSameAs(job);
    assertThat(jobs.take("{\"n\":" + EnqueuedJobs.MAX_JOBS + "}")).isSameAs(job);
  }

  @Test
  void aJobWhoseDecodedFormOutweighsItsTextManyTimesIsNotKept() throws GoJsonException {
    String deep = "{\"k\":".repeat(500) + "1" + "}".repeat(500);
    String shallow = "{\"k\":".repeat(20) + "1" + "}".repeat(20);
    assertThat(rememberedFaithfully("{\"jid\":\"job-00001\",\"jobtype\":\"Fz\",\"args\":[" + deep + "]}")).isFalse();
    assertThat(rememberedFaithfully("{\"jid\":\"job-00001\",\"jobtype\":\"Fz\",\"args\":[" + shallow + "]}"))
        .isTrue();
  }

  @Test
  void theOldestJobsAgeOutPastTheWeightLimit() throws GoJsonException {
    EnqueuedJobs jobs = new EnqueuedJobs();
    GoJob job = GoJob.parse("{\"jid\":\"job-00001\"}");
    String nested = "[".repeat(300) + "]".repeat(300);
    long each = EnqueuedJobs.weight("{\"n\":0," + nested + "}");
    int fitting = (int) (EnqueuedJobs.MAX_WEIGHT / each);
    for (int i = 0; i <= fitting; i++) {
      jobs.remember("{\"n\":" + i + "," + nested + "}", job);
    }
    assertThat(jobs.take("{\"n\":0," + nested + "}")).isNull();
    assertThat(jobs.take("{\"n\":1," + nested + "}")).isSameAs(job);
    assertThat(jobs.take("{\"n\":" + fitting + "," + nested + "}")).isSameAs(job);
  }

  @Test
  void tenThousandOrdinaryJobsFitTheWeightLimit() throws GoJsonException {
    GoJob job = GoJob.parse("{\"jid\":\"fz-12345-67\",\"jobtype\":\"Fz\",\"args\":[123,\"a\"],\"queue\":\"fz\","
        + "\"retry\":3,\"created_at\":\"2026-12-03T08:50:00.123456789Z\","
        + "\"enqueued_at\":\"2026-12-03T08:50:00.123456789Z\"}");
    long weight = EnqueuedJobs.weight(job.toJson());
    assertThat(weight * EnqueuedJobs.MAX_JOBS).isLessThan(EnqueuedJobs.MAX_WEIGHT);
  }
}
