package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** Closing with the lines after END unread would send a reset, which can destroy replies still in transit. */
  @Test
  void linesAfterEndDoNotCostTheRepliesBeforeIt() throws Exception {
    StringBuilder stream = new StringBuilder("HELLO {\"v\":2}\r\n");
    for (int i = 0; i < 20; i++) {
      stream.append("PUSH {\"jid\":\"j-end-").append(i).append("-xxxx\",\"jobtype\":\"T\",\"args\":[]}\r\n");
    }
    byte[] bytes = stream.append("END\r\n").append("INFO\r\n".repeat(2_000)).toString()
        .getBytes(StandardCharsets.US_ASCII);
    try (FakeFaktory faktory = FakeFaktory.start()) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<Integer>> replies = new ArrayList<>();
      for (int connection = 0; connection < 64; connection++) {
        replies.add(clients.submit(() -> okRepliesBeforeTheClose(faktory.port(), bytes)));
      }
      clients.shutdown();
      for (Future<Integer> reply : replies) {
        assertThat(reply.get()).isEqualTo(21);
      }
    }
  }

  private static int okRepliesBeforeTheClose(int port, byte[] stream) {
    try (RawClient client = RawClient.connect(port)) {
      client.readLine();
      client.sendRaw(stream);
      int ok = 0;
      try {
        while (client.readFrame().equals("+OK\r\n")) {
          ok++;
        }
      } catch (RuntimeException closedOrReset) {
        // the count so far is the answer
      }
      return ok;
    }
  }
}
