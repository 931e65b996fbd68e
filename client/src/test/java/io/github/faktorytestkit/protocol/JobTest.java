package io.github.faktorytestkit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobTest {
  /** FETCH replies of a real Faktory 1.9.4, recorded on 2026-11-28. */
  private static final List<String> REAL_FETCHES = List.of(
      "{\"retry\":-1,\"custom\":{\"k\":\"v\",\"n\":2,\"z\":null},\"jid\":\"job-0000001\",\"queue\":\"default\","
          + "\"jobtype\":\"T\",\"created_at\":\"2026-01-01T00:00:00.123Z\",\"enqueued_at\":"
          + "\"2026-11-28T10:48:07.582656426Z\",\"args\":[1,1,1.5,9007199254740992,1e+21,"
          + "\"\\u003ca\\u0026b\\u003e\",null,{\"a\":[true],\"z\":1}],\"reserve_for\":120,\"backtrace\":5}",
      "{\"retry\":-1,\"failure\":{\"failed_at\":\"2026-11-28T10:48:07.583298619Z\",\"message\":\"boom\",\"errtype\":"
          + "\"E\",\"backtrace\":[\"a\",\"b\"],\"retry_count\":0,\"remaining\":-1},\"custom\":{\"k\":\"v\",\"n\":2,"
          + "\"z\":null},\"jid\":\"job-0000001\",\"queue\":\"default\",\"jobtype\":\"T\",\"created_at\":"
          + "\"2026-01-01T00:00:00.123Z\",\"enqueued_at\":\"2026-11-28T10:48:07.582656426Z\",\"args\":[1,1,1.5,"
          + "9007199254740992,1e+21,\"\\u003ca\\u0026b\\u003e\",null,{\"a\":[true],\"z\":1}],\"reserve_for\":120,"
          + "\"backtrace\":5}",
      "{\"retry\":3,\"jid\":\"job-0000002\",\"queue\":\"default\",\"jobtype\":\"T\",\"created_at\":"
          + "\"2026-11-28T10:48:07.584011163Z\",\"enqueued_at\":\"2026-11-28T10:48:07.584012004Z\",\"args\":[]}",
      "{\"retry\":3,\"failure\":{\"failed_at\":\"2026-11-28T10:48:07.584372862Z\",\"next_at\":"
          + "\"2026-11-28T10:48:32.584373794Z\",\"message\":\"boom\",\"errtype\":\"E\",\"retry_count\":0,"
          + "\"remaining\":3},\"jid\":\"job-0000002\",\"queue\":\"default\",\"jobtype\":\"T\",\"created_at\":"
          + "\"2026-11-28T10:48:07.584011163Z\",\"enqueued_at\":\"2026-11-28T10:48:07.584012004Z\",\"args\":[]}",
      "{\"retry\":0,\"jid\":\"job-0000003\",\"queue\":\"default\",\"jobtype\":\"T\",\"created_at\":"
          + "\"2026-11-28T10:48:07.584734607Z\",\"enqueued_at\":\"2026-11-28T10:48:07.584736109Z\",\"at\":"
          + "\"2020-01-01T00:00:00Z\",\"args\":[]}");

  @Test
  void whatTheRealServerReturnsRoundTripsInTheServersKeyOrder() throws Exception {
    for (String fetched : REAL_FETCHES) {
      JsonNode original = JobJson.readTree(fetched);
      JsonNode written = JobJson.readTree(JobJson.toJson(JobJson.parse(fetched)));
      assertThat(original.equals(NUMERICALLY, written)).as(fetched).isTrue();
      assertThat(fieldNames(written)).isEqualTo(fieldNames(original));
      assertThat(fieldNames(written.path("failure"))).isEqualTo(fieldNames(original.path("failure")));
    }
  }

  @Test
  void failureFieldsAreRead() throws Exception {
    Failure failure = JobJson.parse(REAL_FETCHES.get(3)).failure();
    assertThat(failure).isEqualTo(new Failure("2026-11-28T10:48:07.584372862Z", "2026-11-28T10:48:32.584373794Z",
        "boom", "E", null, 0, 3));
  }

  @Test
  void blogJobIsWrittenLikeTheOfficialClientsWriteIt() {
    Job job = Job.builder("SomeJobClass").jid("123861239abnadsa").args(1, 2, true, "hello").build();
    assertThat(JobJson.toJson(job)).isEqualTo("{\"retry\":null,\"jid\":\"123861239abnadsa\",\"queue\":\"default\","
        + "\"jobtype\":\"SomeJobClass\",\"args\":[1,2,true,\"hello\"]}");
  }

  @Test
  void retryKeepsNullZeroAndNegativeApart() throws Exception {
    for (Integer retry : Arrays.asList(null, 0, -1, 25)) {
      Job job = Job.builder("T").retry(retry).build();
      assertThat(JobJson.parse(JobJson.toJson(job)).retry()).isEqualTo(retry);
      assertThat(JobJson.toJson(job)).startsWith("{\"retry\":" + retry + ",");
    }
  }

  @Test
  void keysTheServerDropsAreIgnored() throws Exception {
    Job job = JobJson.parse("{\"jid\":\"12345678\",\"jobtype\":\"T\",\"args\":[],\"priority\":9}");
    assertThat(JobJson.toJson(job)).doesNotContain("priority");
  }

  @Test
  void argsMayHoldNulls() {
    Job job = Job.of("T", null, 1);
    assertThat(job.args()).containsExactly(null, 1);
    assertThat(JobJson.toJson(job)).contains("\"args\":[null,1]");
  }

  @Test
  void reconfiguringTheHandedOutMapperLeavesJobJsonAlone() {
    JobJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    assertThat(JobJson.write(Map.of("a", 1))).isEqualTo("{\"a\":1}");
  }

  @Test
  void toBuilderCopiesEveryField() throws Exception {
    Job job = JobJson.parse(REAL_FETCHES.get(1));
    assertThat(job.toBuilder().build()).isEqualTo(job).hasSameHashCodeAs(job);
    assertThat(job.toBuilder().queue("other").build()).isNotEqualTo(job);
    assertThat(job.custom()).containsEntry("k", "v").containsEntry("z", null);
    assertThat(job.reserveFor()).isEqualTo(120);
    assertThat(job.backtrace()).isEqualTo(5);
    assertThat(Map.of("created", job.createdAt(), "enqueued", job.enqueuedAt()))
        .containsEntry("created", "2026-01-01T00:00:00.123Z");
  }

  @Test
  void atTakesAnInstantAndSendsItAsRfc3339InUtc() {
    Job job = Job.builder("T").at(Instant.parse("2026-03-01T10:00:05.250Z")).build();

    assertThat(job.at()).isEqualTo("2026-03-01T10:00:05.250Z");
    assertThat(JobJson.toJson(job)).contains("\"at\":\"2026-03-01T10:00:05.250Z\"");
    assertThat(Job.builder("T").at((Instant) null).build().at()).isNull();
  }

  private static final Comparator<JsonNode> NUMERICALLY = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
