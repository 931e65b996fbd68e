package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.junit.FakeFaktoryTest;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@FakeFaktoryTest
class MailWorkerRetryTest {

  @Test
  void aFailedMailIsRetriedWhenTheClockReachesItsRetry(FakeFaktory faktory) throws Exception {
    faktory.state().enqueue(Job.builder("SendConfirmation").queue("mail").args("o-2", "bob@example.com").build());
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch delivered = new CountDownLatch(1);

    try (FaktoryWorker worker = MailWorkerTest.start(faktory, (order, email) -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("mail server down");
      }
      delivered.countDown();
    })) {
      faktory.awaitReceived("FAIL");
      ServerState.SetEntry retry = faktory.state().retries().get(0);
      assertThat(retry.job().failure().message()).isEqualTo("mail server down");

      faktory.advanceTo(retry.at());

      assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(attempts).hasValue(2);
  }
}
