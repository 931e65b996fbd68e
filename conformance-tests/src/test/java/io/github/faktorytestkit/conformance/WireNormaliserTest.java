package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;

class WireNormaliserTest {

  @Test
  void serverTimestampsAreReplacedButTheClientsAreKept() {
    String sent = "PUSH {\"at\":\"2020-01-01T00:00:00Z\"}";
    String job = "{\"created_at\":\"2026-11-28T11:16:03.175Z\",\"at\":\"2020-01-01T00:00:00Z\"}";
    assertThat(WireNormaliser.normalise(sent, bulk(job)))
        .isEqualTo("${\"created_at\":\"<time>\",\"at\":\"2020-01-01T00:00:00Z\"}");
  }

  @Test
  void infoFiguresThatDependOnHistoryAreReplaced() {
    String info = "{\"server_utc_time\":\"11:16:03 UTC\",\"server\":{\"uptime\":12,\"connections\":3,"
        + "\"command_count\":99,\"used_memory_mb\":8},\"Dead\":{\"cycles\":2,\"wall_time_sec\":0.001},\"total\":7}";
    assertThat(WireNormaliser.normalise("INFO", bulk(info))).isEqualTo("${\"server_utc_time\":\"<hh:mm:ss> UTC\","
        + "\"server\":{\"uptime\":<n>,\"connections\":<n>,\"command_count\":<n>,\"used_memory_mb\":<n>},"
        + "\"Dead\":{\"cycles\":<n>,\"wall_time_sec\":<n>},\"total\":7}");
  }

  @Test
  void latencySecondsAreReplacedOnlyInLatencyReplies() {
    assertThat(WireNormaliser.normalise("QUEUE LATENCY a b", bulk("{\"a\":0.0012,\"b\":0}")))
        .isEqualTo("${\"a\":<seconds>,\"b\":<seconds>}");
    assertThat(WireNormaliser.normalise("PUSHB []", bulk("{\"a\":0.0012}"))).isEqualTo("${\"a\":0.0012}");
  }

  @Test
  void greetingKeepsItsShapeWithIterationsCheckedAndSaltHidden() {
    assertThat(WireNormaliser.normalise(null, simple("HI {\"v\":2,\"i\":4711,\"s\":\"5f3a\"}")))
        .isEqualTo("+HI {\"v\":2,\"i\":<4000..8095>,\"s\":\"<hex>\"}");
    assertThat(WireNormaliser.normalise(null, simple("HI {\"v\":2,\"i\":99,\"s\":\"5f3a\"}")))
        .contains("<out of range: 99>");
  }

  @Test
  void errorsKeepTheirExactBytesInvalidUtf8Included() {
    byte[] wire = {'-', 'E', 'R', 'R', ' ', 'x', (byte) 0xff, '\r', '\n'};
    assertThat(WireNormaliser.normalise("ACK x", WireAnswer.frame(Reply.err("x\ufffd"), wire))).isEqualTo("-ERR x\\xff");
  }

  @Test
  void eventsStayAsTheyAre() {
    assertThat(WireNormaliser.normalise("END", WireAnswer.CLOSED)).isEqualTo("<closed>");
  }

  private static WireAnswer bulk(String text) {
    Reply reply = Reply.bulk(text);
    return WireAnswer.frame(reply, reply.toWire());
  }

  private static WireAnswer simple(String text) {
    Reply reply = Reply.simple(text);
    return WireAnswer.frame(reply, reply.toWire());
  }
}
