package io.github.faktorytestkit.fake.worker;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.RecordedCommand;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.worker.FaktoryWorker;
import io.github.faktorytestkit.worker.FaktoryWorkerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A fake server, a producer on it, and the worker under test on the fake's clock; closed after each test. */
final class WorkerFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final FakeFaktory server = FakeFaktory.start();
  final FaktoryClient producer = FaktoryClient.connect(server.url().toString());
  private FaktoryWorker worker;

  /** Returns a builder for a worker with one processor on the fake, on its clock, with wid {@code w1}. */
  FaktoryWorkerBuilder builder() {
    return FaktoryWorker.builder().url(server.url()).clock(server.workerClock()).wid("w1").concurrency(1);
  }

  FaktoryWorker start(FaktoryWorkerBuilder builder) {
    worker = builder.start();
    return worker;
  }

  Job push(String jobtype, Object... args) {
    Job job = Job.of(jobtype, args);
    producer.push(job);
    return job;
  }

  /** Moves the fake's clock once the worker's FETCH is waiting, so that the wait starts before the move. */
  void advanceAfterFetch(Duration duration) {
    server.awaitReceived("FETCH");
    server.advance(duration);
  }

  /** Returns the answered commands with {@code verb} whose line holds {@code text}. */
  List<RecordedCommand> commands(String verb, String text) {
    return server.commands().stream()
        .filter(command -> command.verb().equals(verb) && command.line().contains(text))
        .toList();
  }

  static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("latch not released within " + WAIT);
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
    producer.close();
    server.close();
  }
}
