package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that shuts down its sending side still gets every answer, then the close (HalfCloseIT on both). */
@Timeout(20)
class HalfCloseTest {
  @Test
  void waitingFetchAndTheLinesAfterItAreAnsweredThenTheConnectionCloses() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();
      assertThat(client.command("HELLO {\"v\":2}")).isEqualTo("+OK\r\n");
      client.send("FETCH nosuch").send("INFO").shutdownOutput();
      faktory.awaitReceived("FETCH");

      faktory.advance(Duration.ofSeconds(2));

      assertThat(client.readFrame()).isEqualTo("$-1\r\n");
      assertThat(client.readFrame()).startsWith("$").contains("\"faktory\":");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void pipelinedLinesBeforeTheHalfCloseAreAllAnswered() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();
      client.send("HELLO {\"v\":2}").send("FLUSH").send("PUSH {\"jid\":\"j-half-1\",\"jobtype\":\"T\",\"args\":[]}")
          .sendRaw("INFO".getBytes(StandardCharsets.US_ASCII)).shutdownOutput();

      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      // the unterminated last line is ignored, as by real Faktory
      assertThat(client.closedByServer()).isTrue();
      assertThat(faktory.state().queueSize("default")).isEqualTo(1);
    }
  }

  @Test
  void halfCloseBeforeHelloClosesAtOnce() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();
      client.shutdownOutput();

      assertThat(client.closedByServer()).isTrue();
    }
  }
}
