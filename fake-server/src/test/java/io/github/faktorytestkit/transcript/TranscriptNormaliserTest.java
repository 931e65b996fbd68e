package io.github.faktorytestkit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptNormaliserTest {
  private static final Instant RECORDED = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void identitiesAreBoundWhereFirstSeenAndReusedWhereTheyComeBack() {
    List<String> lines = normalised(
        "< +HI {\"v\":2,\"i\":4242,\"s\":\"5f3a\"}\r\n",
        "> HELLO {\"hostname\":\"build-box\",\"wid\":\"wid-0001\",\"pid\":77,\"pwdhash\":\"ab12\",\"v\":2}\r\n",
        "> PUSH {\"jid\":\"jid-aaaa\",\"jobtype\":\"T\",\"args\":[],\"at\":\"2026-12-02T10:00:05Z\"}\r\n",
        bulk("{\"jid\":\"jid-aaaa\",\"created_at\":\"2026-12-02T10:00:00.1Z\",\"at\":\"2026-12-02T10:00:05Z\"}"),
        "> FAIL {\"jid\":\"jid-bbbb\"}\r\n",
        "< -ERR Job not found jid-bbbb\r\n",
        "> MUTATE {\"cmd\":\"kill\",\"target\":\"dead\",\"filter\":{\"jids\":[\"jid-aaaa\",\"jid-cccc\"]}}\r\n",
        "> BEAT {\"wid\":\"wid-0001\",\"rss_kb\":123}\r\n",
        "< -ERR unknown worker wid-0001x\r\n");

    assertThat(lines).containsExactly(
        "< +HI {\"v\":2,\"i\":{{iter:1=4242}},\"s\":\"{{salt:1=5f3a}}\"}",
        "> HELLO {\"hostname\":\"{{hostname:1=build-box}}\",\"wid\":\"{{wid:1=wid-0001}}\",\"pid\":{{pid:1=77}},"
            + "\"pwdhash\":\"{{pwdhash:1=ab12}}\",\"v\":2}\\r\\n",
        "> PUSH {\"jid\":\"{{jid:1=jid-aaaa}}\",\"jobtype\":\"T\",\"args\":[],\"at\":\"{{ts:1=2026-12-02T10:00:05Z}}\"}"
            + "\\r\\n",
        "< ${\"jid\":\"{{jid:1}}\",\"created_at\":\"{{ts:2=2026-12-02T10:00:00.1Z}}\",\"at\":\"{{ts:1}}\"}",
        "> FAIL {\"jid\":\"{{jid:2=jid-bbbb}}\"}\\r\\n",
        "< -ERR Job not found {{jid:2}}",
        "> MUTATE {\"cmd\":\"kill\",\"target\":\"dead\",\"filter\":{\"jids\":[\"{{jid:1}}\",\"{{jid:3=jid-cccc}}\"]}}"
            + "\\r\\n",
        "> BEAT {\"wid\":\"{{wid:1}}\",\"rss_kb\":{{rss:1=123}}}\\r\\n",
        "< -ERR unknown worker wid-0001x");
  }

  @Test
  void measurementsGetAFreshPlaceholderEveryTime() {
    String info = "{\"now\":\"2026-12-02T10:00:01Z\",\"server_utc_time\":\"10:00:01 UTC\",\"faktory\":{\"tasks\":"
        + "{\"Dead\":{\"cycles\":3,\"wall_time_sec\":0.25}}},\"server\":{\"uptime\":1,\"connections\":1,"
        + "\"command_count\":9,\"used_memory_mb\":1}}";
    List<String> lines = normalised(
        "> INFO\r\n", bulk(info), "> QUEUE LATENCY a b\r\n", bulk("{\"a\":0.5,\"b\":0}"), "> INFO\r\n",
        bulk("{\"uptime\":1}"));

    assertThat(lines.get(1)).isEqualTo("< ${\"now\":\"{{ts:1=2026-12-02T10:00:01Z}}\",\"server_utc_time\":"
        + "\"{{clock:1=10:00:01}} UTC\",\"faktory\":{\"tasks\":{\"Dead\":{\"cycles\":{{cycles:1=3}},"
        + "\"wall_time_sec\":{{walltime:1=0.25}}}}},\"server\":{\"uptime\":{{uptime:1=1}},\"connections\":"
        + "{{conns:1=1}},\"command_count\":{{count:1=9}},\"used_memory_mb\":{{mem:1=1}}}}");
    assertThat(lines.get(3)).isEqualTo("< ${\"a\":{{latency:1=0.5}},\"b\":{{latency:2=0}}}");
    assertThat(lines.get(5)).isEqualTo("< ${\"uptime\":{{uptime:2=1}}}");
  }

  @Test
  void fixedTestDatesFarFromTheRecordingStayLiteral() {
    List<String> lines = normalised("> PUSH {\"jid\":\"x\",\"at\":\"2099-01-01T00:00:00Z\"}\r\n");

    assertThat(lines).containsExactly("> PUSH {\"jid\":\"{{jid:1=x}}\",\"at\":\"2099-01-01T00:00:00Z\"}\\r\\n");
  }

  private static String bulk(String content) {
    return "< $" + content.getBytes(StandardCharsets.UTF_8).length + "\r\n" + content + "\r\n";
  }

  /** Normalises frames given as "> line" (client) or "< bytes" (server); returns their event text after "c1 ". */
  private static List<String> normalised(String... frames) {
    List<TranscriptEvent> events = new ArrayList<>();
    events.add(new TranscriptEvent.Open("c1", Duration.ZERO));
    for (String frame : frames) {
      Side sender = frame.startsWith(">") ? Side.CLIENT : Side.SERVER;
      byte[] bytes = frame.substring(2).getBytes(StandardCharsets.UTF_8);
      events.add(TranscriptEvent.Frame.captured("c1", Duration.ZERO, sender, bytes));
    }
    Transcript raw = new Transcript(TranscriptHeader.of(null, null, RECORDED, null), events);
    return TranscriptNormaliser.normalise(raw).frames().stream()
        .map(frame -> TranscriptWriter.line(frame).substring("0.000 c1 ".length())).toList();
  }
}
