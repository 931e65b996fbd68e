package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AckTest {
  private final FakeServer server = new FakeServer();
  private final TestClient client = server.producer();

  @Test
  void ackEndsTheReservationAndCountsProcessed() {
    client.call("PUSH {\"jid\":\"12345678\",\"jobtype\":\"A\",\"args\":[]}");
    client.send("FETCH default");
    assertThat(client.call("ACK {\"jid\":\"12345678\"}")).isEqualTo(Reply.OK);
    assertThat(server.state().working()).isEmpty();
    assertThat(server.state().counters().processed()).isEqualTo(1);
  }

  @Test
  void ackOfAnUnknownJidIsOkAndCountsNothing() {
    assertThat(client.call("ACK {\"jid\":\"nope\"}")).isEqualTo(Reply.OK);
    assertThat(client.call("ACK {\"jid\":null}")).isEqualTo(Reply.OK);
    assertThat(server.state().counters().processed()).isZero();
  }

  @Test
  void ackPayloadMustBeAStringMapWithJid() {
    for (String payload : new String[] {"x", "{\"jid\":1}", "{}", "null", "{\"jid\":\"a\",\"n\":2}", ""}) {
      assertThat(client.call("ACK " + payload)).as(payload).isEqualTo(Reply.err("invalid ACK " + payload));
    }
  }

  @Test
  void bareAckAnswersInternalError() {
    assertThat(client.call("ACK")).isEqualTo(Reply.err("internal error"));
  }
}
