package io.github.faktorytestkit.fake.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import io.github.faktorytestkit.worker.JobHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    try (FaktoryWorker worker = start(20, job -> done.countDown())) {
      WorkerFixture.await(done);
    }
    assertThat(server.state().queueSize("mail")).isZero();
  }

  /**
   * The retry scenario: the first attempt fails, the test moves the clock to the retry, the second succeeds. The
   * worker has one processor, which stops fetching before it lets the test go on: a FETCH it sent as it closed could
   * still be on its way when the test resets and seeds, and take the seeded job (as on real Faktory; a FETCH already
   * waiting at the reset is ended by it: {@code IdleFetchTest}).
   */
  private void retryOnce() throws Exception {
    server.state().enqueue(Job.builder("Mail").queue("mail").args("o-2").build());
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch delivered = new CountDownLatch(1);
    AtomicReference<FaktoryWorker> running = new AtomicReference<>();
    try (FaktoryWorker worker = start(1, job -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("mail server down");
      }
      running.get().quiet();
      delivered.countDown();
    })) {
      running.set(worker);
      server.awaitReceived("FAIL");
      ServerState.SetEntry retry = server.state().retries().get(0);
      server.advanceTo(retry.at());
      WorkerFixture.await(delivered);
    }
    assertThat(attempts).hasValue(2);
  }

  private FaktoryWorker start(int processors, JobHandler handler) {
    return FaktoryWorker.builder().queues("mail").handle("Mail", handler).concurrency(processors)
        .url(server.url()).clock(server.workerClock()).start();
  }
}
