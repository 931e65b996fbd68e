package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InfoTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  private String info() {
    return client.bulk("INFO").replaceAll("\"used_memory_mb\":\\d+", "\"used_memory_mb\":N");
  }

  @Test
  void infoHasTheRealShapeKeyOrderAndTypes() {
    server.advanceSeconds(12);
    assertThat(info()).isEqualTo("{\"now\":\"2026-03-01T10:00:12Z\",\"server_utc_time\":\"10:00:12 UTC\","
        + "\"faktory\":{\"queues\":{},\"sets\":{\"dead\":0,\"retries\":0,\"scheduled\":0,\"working\":0},"
        + "\"tasks\":{\"Busy\":{\"reaped\":0,\"size\":0},"
        + "\"Dead\":{\"cycles\":1,\"enqueued\":0,\"size\":0,\"wall_time_sec\":0},"
        + "\"Retries\":{\"cycles\":3,\"enqueued\":0,\"size\":0,\"wall_time_sec\":0},"
        + "\"Scheduled\":{\"cycles\":3,\"enqueued\":0,\"size\":0,\"wall_time_sec\":0},"
        + "\"Workers\":{\"reaped\":0,\"size\":0}},"
        + "\"total_failures\":0,\"total_processed\":0,\"total_enqueued\":0,\"total_queues\":0},"
        + "\"server\":{\"description\":\"Faktory\",\"faktory_version\":\"1.9.4\",\"uptime\":12,\"connections\":1,"
        + "\"command_count\":1,\"used_memory_mb\":N}}");
  }

  @Test
  void infoCountsQueuesSetsAndTotals() {
    server.worker("w1");
    client.call("PUSH {\"jid\":\"00000001\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"b\"}");
    client.call("PUSH {\"jid\":\"00000002\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"b\"}");
    client.call("PUSH {\"jid\":\"00000003\",\"jobtype\":\"A\",\"args\":[],\"queue\":\"a\"}");
    client.call("PUSH {\"jid\":\"00000004\",\"jobtype\":\"A\",\"args\":[],\"at\":\"2030-01-01T00:00:00Z\"}");
    client.send("FETCH a");
    client.call("FAIL {\"jid\":\"00000003\"}");
    client.send("FETCH b");
    assertThat(info()).contains("\"queues\":{\"a\":0,\"b\":1},"
        + "\"sets\":{\"dead\":0,\"retries\":1,\"scheduled\":1,\"working\":1}",
        "\"Busy\":{\"reaped\":0,\"size\":1}", "\"Workers\":{\"reaped\":0,\"size\":1}",
        "\"total_failures\":1,\"total_processed\":1,\"total_enqueued\":1,\"total_queues\":2",
        "\"connections\":2,\"command_count\":8");
  }

  @Test
  void unknownCommandsAreNotCountedButErrorsAre() {
    client.call("NOPE");
    client.call("ACK x");
    assertThat(server.state().counters().commandCount()).isEqualTo(1);
  }

  @Test
  void versionComesFromTheSettings() {
    FakeServer other = new FakeServer(ModelSettings.builder().version("1.8.0").build());
    assertThat(other.producer().bulk("INFO")).contains("\"faktory_version\":\"1.8.0\"");
  }

  @Test
  void infoIgnoresArguments() {
    assertThat(client.call("INFO whatever")).isInstanceOf(Reply.BulkString.class);
  }
}
