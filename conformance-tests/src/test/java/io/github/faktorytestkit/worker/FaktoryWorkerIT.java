package io.github.faktorytestkit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.Mutation;
import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.Target;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Failure;
import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Timeout;

/**
 * The worker's lifecycle on every target with the same assertions: on the fake its clock is the fake's and time is
 * moved; on real Faktory it is the wall clock and quiet and terminate go through the Web UI's {@code POST /busy}.
 * The heartbeat beats every second so that a real server's signal arrives quickly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaktoryWorkerIT {
  private static final Duration BEAT = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AcrossTargets
  void performsJobsAndAcksThem(Target target, FaktoryClient client) throws Exception {
    CountDownLatch done = new CountDownLatch(2);
    client.push(Job.builder("Greet").queue("w-ack").args("ann").build());
    client.push(Job.builder("Greet").queue("w-ack").args("bob").build());

    try (FaktoryWorker worker = start(target, "w-ack", builder -> builder.handle("Greet", job -> done.countDown()))) {
      assertThat(done.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      // the fake's grace period passes at once: let both handlers' ACKs reach it first
      target.fake().ifPresent(fake -> {
        fake.awaitReceived("ACK");
        fake.awaitReceived("ACK");
      });
      stopGracefully(target, worker);
    }

    assertThat(client.info().totalProcessed()).isEqualTo(2);
    assertThat(client.info().totalFailures()).isZero();
  }

  @AcrossTargets
  void aFailingHandlerFailsTheJobWithItsClassAndMessage(Target target, FaktoryClient client) throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Job job = Job.builder("Boom").queue("w-fail").build();
    client.push(job);

    try (FaktoryWorker worker = start(target, "w-fail", builder -> builder.handle("Boom", j -> {
      ran.countDown();
      throw new IllegalArgumentException("bad input " + j.jid());
    }))) {
      assertThat(ran.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      // the fake's grace period passes at once: let the handler's FAIL reach it first
      target.fake().ifPresent(fake -> fake.awaitReceived("FAIL"));
      stopGracefully(target, worker);
    }

    Failure failure = retried(target, client, job);
    assertThat(failure.errtype()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(failure.message()).isEqualTo("bad input " + job.jid());
    assertThat(failure.backtrace()).anyMatch(line -> line.contains("FaktoryWorkerIT"));
  }

  @AcrossTargets
  void quietFromTheWebUiStopsFetchingAndTheJobInHandFinishes(Target target, FaktoryClient client)
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    client.push(Job.builder("Slow").queue("w-quiet").build());

    try (FaktoryWorker worker = start(target, "w-quiet", builder -> builder.handle("Slow", job -> {
      started.countDown();
      release.await();
    }))) {
      assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      target.quiet(worker.wid());
      target.elapse(BEAT.multipliedBy(2));
      worker.reached(FaktoryWorker.State.QUIET).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      client.push(Job.builder("Slow").queue("w-quiet").build());
      release.countDown();
      // the fake's grace period passes at once: let the job's ACK reach it first (and be taken, so that the next
      // test's awaitReceived("ACK") waits for an ACK of its own)
      target.fake().ifPresent(fake -> fake.awaitReceived("ACK"));
      stopGracefully(target, worker);
    }

    assertThat(client.info().totalProcessed()).isEqualTo(1);
    assertThat(client.info().queues()).containsEntry("w-quiet", 1L);
  }

  @AcrossTargets
  void terminateFromTheWebUiWaitsTheTimeoutThenFailsTheRunningJob(Target target, FaktoryClient client)
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Job job = Job.builder("Stuck").queue("w-terminate").build();
    client.push(job);

    FaktoryWorker worker = start(target, "w-terminate", builder -> builder.shutdownTimeout(Duration.ofSeconds(2))
        .handle("Stuck", j -> {
          started.countDown();
          new CountDownLatch(1).await();
        }));
    assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    target.terminate(worker.wid());
    target.elapse(BEAT.multipliedBy(2));
    worker.reached(FaktoryWorker.State.STOPPING).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    target.elapse(Duration.ofSeconds(3));

    assertThat(worker.awaitTermination(WAIT)).isTrue();
    Failure failure = retried(target, client, job);
    assertThat(failure.errtype()).isEqualTo(WorkerShutdownException.class.getName());
    assertThat(failure.message()).contains("PT2S");
    assertThat(client.info().totalProcessed()).isEqualTo(1);
  }

  private static FaktoryWorker start(Target target, String queue,
      UnaryOperator<FaktoryWorkerBuilder> handlers) {
    WorkerClock clock = target.fake().map(FakeFaktory::workerClock).orElse(WorkerClock.system());
    return handlers.apply(FaktoryWorker.builder().client(target.clientBuilder()).clock(clock).concurrency(1)
        .queues(queue).heartbeatInterval(BEAT)).start();
  }

  /** Shuts down with a grace period that passes on the target (so a processor's waiting FETCH ends) and waits. */
  private static void stopGracefully(Target target, FaktoryWorker worker) throws InterruptedException {
    worker.shutdown(Duration.ofSeconds(2));
    target.elapse(Duration.ofSeconds(3));
    assertThat(worker.awaitTermination(WAIT)).isTrue();
  }

  /**
   * Returns the failure of {@code job}, which must be the one job in the retries set, requeued and fetched. First
   * lets a FETCH's 2 s pass on the target: a FETCH the stopped worker sent as it stopped still waits on the server
   * (which notices the closed connection only when it replies) and would take the requeued job.
   */
  private static Failure retried(Target target, FaktoryClient client, Job job) {
    target.elapse(Duration.ofSeconds(3));
    target.fake().ifPresent(fake -> awaitStoppedWorkerGone(fake, client));
    assertThat(client.info().setSize("retries")).isEqualTo(1);
    client.mutate(Mutation.requeue(Mutation.Target.RETRIES, new Mutation.Filter(null, List.of(job.jid()), null)));
    return client.fetch(job.queue()).orElseThrow().failure();
  }

  /**
   * Moves the fake's clock until only the test's own connection is open: a FETCH the worker sent as it stopped can
   * reach the fake after the clock moved, and then waits for the next move; its connection closes once it is
   * answered. (A real server's clock moves by itself.)
   */
  private static void awaitStoppedWorkerGone(FakeFaktory fake, FaktoryClient client) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (client.info().connections() > 1 && System.nanoTime() < deadline) {
      fake.advance(Duration.ofSeconds(3));
    }
    assertThat(client.info().connections()).as("open connections besides the test's own").isEqualTo(1);
  }
}
