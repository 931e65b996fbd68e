package io.github.faktorytestkit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void retriesAtOnceThenDoublesFromOneSecondUpToThirty() {
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(Backoff::after).map(Duration::toSeconds))
        .containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }
}
