package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.junit.FakeFaktoryTest;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@FakeFaktoryTest
class MailWorkerTest {

  @Test
  void theWorkerSendsTheConfirmationOfASeededJob(FakeFaktory faktory) throws Exception {
    ServerState state = faktory.state();
    state.enqueue(Job.builder("SendConfirmation").queue("mail").args("o-1", "ann@example.com").build());
    List<String> sent = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);

    try (FaktoryWorker worker = start(faktory, (order, email) -> {
      sent.add(order + " to " + email);
      done.countDown();
    })) {
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(sent).containsExactly("o-1 to ann@example.com");
  }

  static FaktoryWorker start(FakeFaktory faktory, Mailer mailer) {
    return MailWorker.builder(mailer).url(faktory.url()).clock(faktory.workerClock()).start();
  }
}
