package io.github.faktorytestkit.fake.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class IdleClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock manual = new ManualClock(T0);
  private final IdleClock clock = new IdleClock(manual, Duration.ZERO);
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void anIdleWaitMovesTheClockToItsEndRunningWhatFallsDueOnTheWay() {
    clock.schedule(T0.plusSeconds(1), () -> log.add("scheduled@" + clock.now()));
    CompletableFuture<Instant> ended = new CompletableFuture<>();

    clock.scheduleWait(T0.plusSeconds(2), () -> ended.complete(clock.now()));

    assertThat(ended.join()).isEqualTo(T0.plusSeconds(2));
    assertThat(log).containsExactly("scheduled@" + T0.plusSeconds(1));
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void onceTheTestTakesChargeAWaitEndsOnlyWhenTheTestMovesTheClock() {
    clock.advance(Duration.ZERO);
    CompletableFuture<Instant> ended = new CompletableFuture<>();
    clock.scheduleWait(T0.plusSeconds(2), () -> ended.complete(clock.now()));

    clock.advance(Duration.ofMillis(1999));
    assertThat(ended).isNotDone();
    clock.set(T0.plusSeconds(2));
    assertThat(ended).isCompletedWithValue(T0.plusSeconds(2));
  }

  @Test
  void aRestartPutsTheClockAtItsStartAndLetsIdleWaitsEndAgain() {
    clock.takeCharge();
    clock.advance(Duration.ofHours(1));

    clock.restart(T0);
    CompletableFuture<Instant> ended = new CompletableFuture<>();
    clock.scheduleWait(T0.plusSeconds(2), () -> ended.complete(clock.now()));

    assertThat(ended.join()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void aCancelledWaitDoesNotMoveTheClock() {
    IdleClock slow = new IdleClock(manual, Duration.ofDays(1));
    slow.scheduleWait(T0.plusSeconds(2), () -> log.add("ended")).cancel();

    slow.advance(Duration.ofSeconds(3));
    assertThat(log).isEmpty();
    assertThat(manual.pendingTasks()).isZero();
  }

  @Test
  void aNegativeGraceIsRefused() {
    assertThatThrownBy(() -> new IdleClock(manual, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("grace: PT-0.001S (expected: >= 0)");
  }
}
