package io.github.faktorytestkit.fake.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import io.github.faktorytestkit.worker.JobHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker on the fake's clock after a {@link FakeFaktory#reset()} that followed a test which moved the clock. */
class WorkerAfterResetTest {
  private final FakeFaktory server = FakeFaktory.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aWorkerRunsASeededJobAfterAResetThatFollowedARetry() throws Exception {
    retryOnce();
    server.reset();

    server.state().enqueue(Job.builder("Mail").queue("mail").args("o-1").build());
    CountDownLatch done = new CountDownLatch(1);
    try (FaktoryWorker worker = start(job -> done.countDown())) {
      WorkerFixture.await(done);
    }
    assertThat(server.state().queueSize("mail")).isZero();
  }

  /** The retry scenario: the first attempt fails, the test moves the clock to the retry, the second succeeds. */
  private void retryOnce() throws Exception {
    server.state().enqueue(Job.builder("Mail").queue("mail").args("o-2").build());
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch delivered = new CountDownLatch(1);
    try (FaktoryWorker worker = start(job -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("mail server down");
      }
      delivered.countDown();
    })) {
      server.awaitReceived("FAIL");
      ServerState.SetEntry retry = server.state().retries().get(0);
      server.advanceTo(retry.at());
      WorkerFixture.await(delivered);
    }
    assertThat(attempts).hasValue(2);
  }

  private FaktoryWorker start(JobHandler handler) {
    return FaktoryWorker.builder().queues("mail").handle("Mail", handler)
        .url(server.url()).clock(server.workerClock()).start();
  }
}
