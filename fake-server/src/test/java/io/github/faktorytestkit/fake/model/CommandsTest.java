package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Verb dispatch, END, the Enterprise-only commands and counting. */
@Timeout(10)
class CommandsTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  @Test
  void unknownVerbIsEchoedAndTheConnectionStaysOpen() {
    assertThat(client.call("CMD foo")).isEqualTo(Reply.err("unknown command CMD"));
    assertThat(client.call("")).isEqualTo(Reply.err("unknown command "));
    assertThat(client.call("push {}")).isEqualTo(Reply.err("unknown command push"));
    assertThat(client.call(" PUSH {}")).isEqualTo(Reply.err("unknown command "));
    assertThat(client.call("INFO")).isInstanceOf(Reply.BulkString.class);
  }

  @Test
  void endClosesWithoutAReplyAndLaterLinesAreIgnored() {
    assertThat(client.send("END")).isEqualTo(Outcome.close());
    assertThat(client.send("INFO")).isEqualTo(Outcome.close());
    assertThat(server.state().counters().commandCount()).isEqualTo(1);
    client.close();
    assertThat(server.state().counters().connections()).isZero();
  }

  @Test
  void batchAndTrackAreEnterpriseOnly() {
    assertThat(client.call("BATCH NEW {}"))
        .isEqualTo(Reply.err("batch subsystem is only available in Faktory Enterprise"));
    assertThat(client.call("BATCH")).isEqualTo(Reply.err("batch subsystem is only available in Faktory Enterprise"));
    assertThat(client.call("TRACK GET x"))
        .isEqualTo(Reply.err("tracking subsystem is only available in Faktory Enterprise"));
    assertThat(server.state().counters().commandCount()).isEqualTo(3);
  }

  @Test
  void errorsWithANewlineAreSentRawAsTheRealServerWritesThem() {
    assertThat(client.send("BEAT {\"wid\":\"a\\r\\nb\"}")).isInstanceOfSatisfying(Outcome.SendRaw.class,
        raw -> assertThat(raw.bytes()).asString().isEqualTo("-ERR unknown worker a\r\nb\r\n"));
  }
}
