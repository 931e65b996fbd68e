package io.github.faktorytestkit.fake.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SystemClockTest {

  @Test
  void readsRealTimeAndRunsDueTasksOnItsTimerThread() throws InterruptedException {
    try (SystemClock clock = new SystemClock()) {
      Instant before = Instant.now();
      assertThat(clock.now()).isBetween(before, Instant.now());
      CountDownLatch ran = new CountDownLatch(1);
      String[] thread = new String[1];
      clock.schedule(clock.now().minusSeconds(1), () -> {
        thread[0] = Thread.currentThread().getName();
        ran.countDown();
      });
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(thread[0]).isEqualTo("faktory-fake-clock");
    }
  }

  @Test
  void cancelledTaskDoesNotRun() throws InterruptedException {
    try (SystemClock clock = new SystemClock()) {
      AtomicBoolean ran = new AtomicBoolean();
      clock.schedule(clock.now().plus(Duration.ofMillis(200)), () -> ran.set(true)).cancel();
      CountDownLatch later = new CountDownLatch(1);
      clock.schedule(clock.now().plus(Duration.ofMillis(300)), later::countDown);
      assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ran).isFalse();
    }
  }

  @Test
  void acceptsTasksFarInTheFuture() {
    try (SystemClock clock = new SystemClock()) {
      clock.schedule(Instant.parse("2999-01-01T00:00:00Z"), () -> { }).cancel();
    }
  }
}
