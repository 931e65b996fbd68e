package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.TargetKind;
import java.time.Duration;
import java.time.Instant;

/** The same test on the fake and on a real Faktory started from its binary (skipped when there is none). */
class OrderServiceOnEveryTargetTest {

  @AcrossTargets({TargetKind.FAKE, TargetKind.LOCAL})
  void anOrderMakesOneJobNowAndOneLater(FaktoryClient client) {
    new OrderService(client).placeOrder("o-1", "ann@example.com", Instant.now().plus(Duration.ofDays(7)));

    assertThat(client.info().queues()).containsEntry("mail", 1L);
    assertThat(client.info().setSize("scheduled")).isEqualTo(1);
  }
}
