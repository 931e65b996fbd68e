package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The idle clock: an empty FETCH never stalls a test that does not move the clock (see {@link FakeFaktory}). */
@Timeout(5) // well under the client's 10 s read timeout, which a stalled FETCH would run into
class IdleFetchTest {

  @Test
  void anEmptyFetchWithoutAdvanceReturnsEmptyAndItsTwoSecondsShowOnTheClock() {
    try (FakeFaktory faktory = FakeFaktory.start(); FaktoryClient worker = connect(faktory)) {
      Instant start = faktory.now();

      assertThat(worker.fetch("default")).isEmpty();
      assertThat(faktory.now()).isEqualTo(start.plusSeconds(2));
    }
  }

  @Test
  void anIdleFetchRunsWhatFallsDueOnTheWayAndGetsTheScheduledJob() {
    try (FakeFaktory faktory = FakeFaktory.start(); FaktoryClient worker = connect(faktory)) {
      Instant start = faktory.now();
      worker.push(Job.builder("Later").at(start.plusSeconds(1)).build());

      assertThat(worker.fetch("default")).hasValueSatisfying(job -> assertThat(job.jobtype()).isEqualTo("Later"));
      assertThat(faktory.state().working().get(0).reservedAt()).isEqualTo(start.plusSeconds(1));
      assertThat(faktory.now()).isEqualTo(start.plusSeconds(2));   // the move goes on to the FETCH's deadline
    }
  }

  @Test
  void aTestInChargeOfTheClockKeepsItsFetchWaitingUntilItMovesTheClock() throws Exception {
    try (FakeFaktory faktory = FakeFaktory.builder().idleWait(Duration.ZERO).start();
        FaktoryClient worker = connect(faktory)) {
      faktory.advance(Duration.ZERO);   // in charge from here on
      CompletableFuture<Optional<Job>> fetch = CompletableFuture.supplyAsync(() -> worker.fetch("default"));
      faktory.awaitReceived("FETCH");

      faktory.advance(Duration.ofMillis(1999));
      assertThat(fetch).isNotDone();
      faktory.advance(Duration.ofMillis(1));
      assertThat(fetch.get(5, TimeUnit.SECONDS)).isEmpty();
    }
  }

  @Test
  void resetHandsTheClockBackSoTheNextTestsEmptyFetchReturnsToo() {
    try (FakeFaktory faktory = FakeFaktory.start();
        FaktoryClient producer = FaktoryClient.connect(faktory.url().toString())) {
      faktory.advance(Duration.ofHours(1));

      faktory.reset();

      assertThat(producer.fetch("default")).isEmpty();   // no wid: not a worker the hour without BEAT reaped
    }
  }

  @Test
  void resetEndsAFetchStillWaitingSoTheNextTestsSeededJobStaysQueued() throws Exception {
    try (FakeFaktory faktory = FakeFaktory.start(); FaktoryClient worker = connect(faktory)) {
      faktory.advance(Duration.ZERO);   // in charge: the FETCH waits until the test moves the clock
      CompletableFuture<Optional<Job>> fetch = CompletableFuture.supplyAsync(() -> worker.fetch("default"));
      faktory.awaitReceived("FETCH");

      faktory.reset();
      faktory.state().enqueue(Job.of("Seeded"));

      assertThat(fetch.get(5, TimeUnit.SECONDS)).isEmpty();
      assertThat(faktory.state().queueSize("default")).isEqualTo(1);
      assertThat(faktory.state().working()).isEmpty();
    }
  }

  private static FaktoryClient connect(FakeFaktory faktory) {
    return FaktoryClient.builder().url(faktory.url()).wid("w1").connect();
  }
}
