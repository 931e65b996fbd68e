package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaktoryFeatureTest {

  @Test
  void versionsCompareNumerically() {
    assertThat(FaktoryFeature.compareVersions("1.9.10", "1.9.4")).isPositive();
    assertThat(FaktoryFeature.compareVersions("1.8.0", "1.9.0")).isNegative();
    assertThat(FaktoryFeature.compareVersions("1.9.4", "1.9.4")).isZero();
  }

  @Test
  void aFeatureIsInItsReleaseAndLaterOnly() {
    assertThat(FaktoryFeature.QUEUE_LATENCY.in("1.9.2")).isTrue();
    assertThat(FaktoryFeature.QUEUE_LATENCY.in("1.9.3")).isTrue();
    assertThat(FaktoryFeature.QUEUE_LATENCY.in("1.9.1")).isFalse();
    assertThat(FaktoryFeature.INFO_SETS.in("1.8.0")).isFalse();
  }

  @Test
  void theReasonNamesTheFeatureAndBothVersions() {
    assertThat(FaktoryFeature.QUEUE_LATENCY.notIn("1.9.1"))
        .isEqualTo("not in this version: QUEUE LATENCY arrived in 1.9.2 (this is 1.9.1)");
  }
}
