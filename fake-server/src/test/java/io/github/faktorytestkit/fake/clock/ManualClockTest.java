package io.github.faktorytestkit.fake.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ManualClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final List<String> log = new ArrayList<>();

  @Test
  void timeMovesOnlyWhenAdvanced() {
    assertThat(clock.now()).isEqualTo(T0);
    clock.advance(Duration.ofMillis(1500));
    assertThat(clock.now()).isEqualTo(T0.plusMillis(1500));
    clock.set(T0.plusSeconds(10));
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void rebaseMovesTheClockBackOrForwardAndPendingTasksKeepTheirDistance() {
    clock.advance(Duration.ofHours(2));
    clock.schedule(clock.now().plusSeconds(5), () -> log.add("due@" + clock.now()));

    clock.rebase(T0);
    assertThat(clock.now()).isEqualTo(T0);
    clock.advance(Duration.ofSeconds(4));
    assertThat(log).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(log).containsExactly("due@" + T0.plusSeconds(5));
    clock.schedule(T0.plusSeconds(6), () -> log.add("later@" + clock.now()));
    clock.set(T0.plusSeconds(6));
    assertThat(log).endsWith("later@" + T0.plusSeconds(6));
  }

  @Test
  void defaultStartIsNowTruncatedToMillis() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant start = new ManualClock().now();
    assertThat(start).isBetween(before, Instant.now()).isEqualTo(start.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void advanceRunsDueTasksInTimeOrderAtTheirDueTime() {
    clock.schedule(T0.plusSeconds(3), () -> log.add("c@" + clock.now()));
    clock.schedule(T0.plusSeconds(1), () -> log.add("a@" + clock.now()));
    clock.schedule(T0.plusSeconds(1), () -> log.add("b@" + clock.now()));
    clock.schedule(T0.plusSeconds(9), () -> log.add("late"));
    clock.advance(Duration.ofSeconds(5));
    assertThat(log).containsExactly("a@" + T0.plusSeconds(1), "b@" + T0.plusSeconds(1), "c@" + T0.plusSeconds(3));
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(5));
    assertThat(clock.pendingTasks()).isEqualTo(1);
  }

  @Test
  void tasksScheduledWhileAdvancingRunWhenInsideTheWindow() {
    clock.schedule(T0.plusSeconds(1), () -> {
      log.add("first");
      clock.schedule(clock.now().plusSeconds(1), () -> log.add("inside@" + clock.now()));
      clock.schedule(clock.now().plusSeconds(10), () -> log.add("outside"));
    });
    clock.advance(Duration.ofSeconds(3));
    assertThat(log).containsExactly("first", "inside@" + T0.plusSeconds(2));
  }

  @Test
  void cancelledTasksDoNotRun() {
    FaktoryClock.Cancellable handle = clock.schedule(T0.plusSeconds(1), () -> log.add("ran"));
    handle.cancel();
    clock.advance(Duration.ofSeconds(2));
    assertThat(log).isEmpty();
  }

  @Test
  void pastTasksRunOnTheNextAdvance() {
    clock.schedule(T0.minusSeconds(5), () -> log.add("past@" + clock.now()));
    assertThat(log).isEmpty();
    clock.advance(Duration.ZERO);
    assertThat(log).containsExactly("past@" + T0);
  }

  @Test
  void refusesToGoBackwards() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.set(T0.minusMillis(1)))
        .hasMessageContaining("target: " + T0.minusMillis(1));
  }

  @Test
  void settledNowWaitsForAMoveInProgressAndReadsWhereItEnds() throws Exception {
    CountDownLatch taskRunning = new CountDownLatch(1);
    CountDownLatch releaseTask = new CountDownLatch(1);
    clock.schedule(T0.plusSeconds(1), () -> {
      taskRunning.countDown();
      awaitQuietly(releaseTask);
    });
    CompletableFuture<Void> move = CompletableFuture.runAsync(() -> clock.advance(Duration.ofSeconds(2)));
    taskRunning.await();
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(1));

    Thread reader = new Thread(() -> log.add("settled@" + clock.settledNow()));
    reader.start();
    while (reader.getState() != Thread.State.BLOCKED) {
      Thread.onSpinWait();
    }
    releaseTask.countDown();
    move.get(5, TimeUnit.SECONDS);
    reader.join();
    assertThat(log).containsExactly("settled@" + T0.plusSeconds(2));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
