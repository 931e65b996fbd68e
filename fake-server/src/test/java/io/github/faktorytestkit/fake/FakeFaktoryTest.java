package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FakeFaktoryTest {

  @Test
  void startsOnLoopbackWithAFreePort() {
    try (FakeFaktory faktory = FakeFaktory.start()) {
      assertThat(faktory.port()).isPositive();
      assertThat(faktory.url()).hasToString("tcp://127.0.0.1:" + faktory.port());
      assertThat(faktory.password()).isEmpty();
      assertThat(faktory.clock()).isInstanceOf(ManualClock.class);
    }
  }

  @Test
  void pushThenFetchReturnsTheSameJobOverTcp() {
    try (FakeFaktory faktory = FakeFaktory.start();
        FaktoryClient producer = FaktoryClient.connect(faktory.url().toString());
        FaktoryClient worker = FaktoryClient.builder().url(faktory.url()).wid("worker-1").connect()) {
      Job job = Job.of("SendEmail", "ann@example.com", 42);
      producer.push(job);

      Optional<Job> fetched = worker.fetch("default");
      worker.ack(fetched.orElseThrow().jid());

      assertThat(fetched.get().jid()).isEqualTo(job.jid());
      assertThat(fetched.get().args()).isEqualTo(job.args());
      assertThat(faktory.commands()).extracting(RecordedCommand::verb)
          .containsExactly("HELLO", "HELLO", "PUSH", "FETCH", "ACK");
      assertThat(faktory.state().counters().processed()).isEqualTo(1);
    }
  }

  @Test
  void takeCommandByVerbSkipsOtherVerbsAndLeavesThemForLaterTakes() {
    try (FakeFaktory faktory = FakeFaktory.start();
        FaktoryClient producer = FaktoryClient.connect(faktory.url().toString())) {
      producer.push(Job.of("First"));
      producer.push(Job.of("Second"));

      assertThat(faktory.takeCommand("PUSH").line()).contains("\"First\"");
      assertThat(faktory.takeCommand().verb()).isEqualTo("HELLO");
      assertThat(faktory.takeCommand().line()).contains("\"Second\"");
      assertThatThrownBy(() -> faktory.takeCommand("PUSH", Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("takeCommand: no PUSH command answered within PT0.05S (3 answered commands");
    }
  }

  @Test
  void emptyFetchWaitsForTheTestToMoveTheClock() throws Exception {
    try (FakeFaktory faktory = FakeFaktory.start();
        FaktoryClient worker = FaktoryClient.builder().url(faktory.url()).wid("worker-1").connect()) {
      CompletableFuture<Optional<Job>> fetch = CompletableFuture.supplyAsync(() -> worker.fetch("default"));
      faktory.awaitReceived("FETCH");
      assertThat(fetch).isNotDone();

      faktory.advance(Duration.ofSeconds(2));

      assertThat(fetch.get(5, TimeUnit.SECONDS)).isEmpty();
      assertThat(faktory.commands()).last().extracting(RecordedCommand::reply).isEqualTo(Optional.of(Reply.NULL_BULK));
    }
  }

  @Test
  void urlCarriesThePasswordAClientCanUse() {
    try (FakeFaktory faktory = FakeFaktory.builder().password("s3cret").start();
        FaktoryClient client = FaktoryClient.connect(faktory.url().toString())) {
      assertThat(faktory.url()).hasToString("tcp://:s3cret@127.0.0.1:" + faktory.port());
      assertThat(faktory.password()).contains("s3cret");
      assertThat(client.info().version()).isEqualTo("1.9.4");
    }
  }

  @Test
  void closeIsIdempotentAndDropsOpenConnections() {
    FakeFaktory faktory = FakeFaktory.start();
    try (RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();
      faktory.close();
      faktory.close();

      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void advanceOnARealTimeServerIsRefused() {
    try (FakeFaktory faktory = FakeFaktory.builder().realTime().start()) {
      assertThatThrownBy(() -> faktory.advance(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected: a ManualClock");
    }
  }

  @Test
  void startAtAndAdvanceToSetTheServersTime() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    try (FakeFaktory faktory = FakeFaktory.builder().startAt(start).start()) {
      faktory.advance(Duration.ofSeconds(5));
      assertThat(faktory.now()).isEqualTo(start.plusSeconds(5));

      faktory.advanceTo(start.plusSeconds(60));

      assertThat(faktory.now()).isEqualTo(start.plusSeconds(60));
      assertThatThrownBy(() -> faktory.advanceTo(start)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected: not before");
    }
  }

  @Test
  void delayedReplyLeavesWhenTheTestAdvancesTheClock() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();
      faktory.inject(Fault.delayReply("HELLO", Duration.ofSeconds(3)));
      client.send("HELLO {}");
      assertThat(faktory.awaitReceived("HELLO").exchangeIndex()).isZero();

      faktory.advance(Duration.ofSeconds(3));

      assertThat(client.readFrame()).isEqualTo("+OK\r\n");
      assertThat(faktory.takeCommand().reply()).contains(Reply.OK);
      assertThat(faktory.faults()).isEmpty();
    }
  }

  @Test
  void lineOverTheConfiguredLimitIsAnsweredWithAnErrorAndCloses() {
    try (FakeFaktory faktory = FakeFaktory.builder().maxLineLength(16).start();
        RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();

      assertThat(client.command("HELLO {\"wid\":\"long-enough\"}"))
          .isEqualTo("-ERR line length: more than 16 bytes (expected: <= 16)\r\n");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void byDefaultALineOverTheOld16MibLimitIsAcceptedAndServedBackAsOnRealFaktory() {
    String payload = "x".repeat(17 << 20);
    try (FakeFaktory faktory = FakeFaktory.builder().journal(false).start();
        RawClient client = RawClient.connect(faktory.port(), 15_000)) {
      client.readLine();
      client.command("HELLO {\"v\":2}");

      assertThat(client.command("PUSH {\"jid\":\"big-job-1\",\"jobtype\":\"Big\",\"args\":[\"" + payload + "\"]}"))
          .isEqualTo("+OK\r\n");
      assertThat(client.command("FETCH default")).startsWith("$").contains("\"jid\":\"big-job-1\"").contains(payload);
    }
  }

  @Test
  void serverWithoutJournalRefusesJournalQueries() {
    try (FakeFaktory faktory = FakeFaktory.builder().journal(false).start()) {
      assertThatThrownBy(faktory::commandCount).isInstanceOf(IllegalStateException.class)
          .hasMessage("journal: disabled (expected: a server built with journal(true))");
    }
  }

  @Test
  void resetClearsJournalAndFaults() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = RawClient.connect(faktory.port())) {
      client.readLine();
      client.command("HELLO {}");
      faktory.inject(Fault.closeAfterReply("PUSH"));

      faktory.reset();

      assertThat(faktory.commands()).isEmpty();
      assertThat(faktory.faults()).isEmpty();
    }
  }

  @Test
  void manyServersShareOneSmallThreadPool() {
    List<FakeFaktory> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        servers.add(FakeFaktory.start());
      }
      long networkThreads = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().startsWith("faktory-fake-")).count();
      assertThat(networkThreads).isBetween(1L, 2L * Runtime.getRuntime().availableProcessors());
    } finally {
      servers.forEach(FakeFaktory::close);
    }
  }
}
