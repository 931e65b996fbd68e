package io.github.faktorytestkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reconnecting with backoff on the worker's clock, against a connector that keeps failing. */
class WorkerConnectionTest {
  private final TestClock clock = new TestClock();
  private final AtomicInteger attempts = new AtomicInteger();
  private final Supplier<FaktoryClient> refused = () -> {
    attempts.incrementAndGet();
    throw new FaktoryConnectionException("127.0.0.1", 1, "connection refused", null);
  };
  private final WorkerConnection connection =
      new WorkerConnection("test", refused, clock, LoggerFactory.getLogger(WorkerConnectionTest.class));

  @Test
  void reconnectsAtOnceThenWaitsOneTwoAndFourSecondsOnTheClock() throws Exception {
    CompletableFuture<Void> giveUp = new CompletableFuture<>();
    CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> connection.call("FETCH", c -> 1, giveUp));
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestClock.Scheduled retry = clock.next();
      waits.add(clock.untilOf(retry));
      clock.run(retry);
    }
    clock.next();
    giveUp.complete(null);

    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(WorkerStoppedException.class)
        .cause().hasMessage("FETCH abandoned: the worker is stopping")
        .cause().hasMessageContaining("connection refused");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(attempts).hasValue(5);
  }

  @Test
  void aStoppedWorkerTriesOnceAndGivesUp() {
    assertThatThrownBy(() -> connection.call("ACK", c -> 1, CompletableFuture.completedFuture(null)))
        .isInstanceOf(WorkerStoppedException.class);
    assertThat(attempts).hasValue(1);
  }
}
