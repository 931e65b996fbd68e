package io.github.faktorytestkit.bench;

import java.util.List;

/**
 * Jobs per second of Go's {@code load} against the fake's jar and against real Faktory, then the project's client
 * running the same workload ({@link ClientLoad}) and a {@link io.github.faktorytestkit.worker.FaktoryWorker} doing its
 * pops ({@link WorkerLoad}) against real Faktory next to Go's {@code load}; a fresh server per run.
 *
 * <p>Go's {@code load} is a native binary, compiled ahead of time; the client and the worker run in this JVM, so
 * each gets one unrecorded run first, for the JIT (a cold run costs about twice the CPU of a warm one).
 */
final class ThroughputFigure implements Figure {

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    int jobs = settings.size(30000, 2000);
    Samples onFake = new Samples();
    Samples onReal = new Samples();
    Samples ourClient = new Samples();
    Samples goClient = new Samples();
    Samples ourWorker = new Samples();
    Samples goWorker = new Samples();
    Figure.interleave(settings.runs(), () -> {
      try (Spawned fake = Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm())) {
        onFake.add(GoLoad.run(settings.load(), fake.url(), jobs, 10));
      }
    }, () -> {
      try (Spawned real = Spawned.faktory(settings.faktory())) {
        onReal.add(GoLoad.run(settings.load(), real.url(), jobs, 10));
      }
    });
    warmUp(settings, ClientLoad::run, jobs);
    Figure.interleave(settings.runs(), () -> {
      try (Spawned real = Spawned.faktory(settings.faktory())) {
        ourClient.add(ClientLoad.run(real.url(), jobs, 10));
      }
    }, () -> {
      try (Spawned real = Spawned.faktory(settings.faktory())) {
        goClient.add(GoLoad.run(settings.load(), real.url(), jobs, 10));
      }
    });
    warmUp(settings, WorkerLoad::run, jobs);
    Figure.interleave(settings.runs(), () -> {
      try (Spawned real = Spawned.faktory(settings.faktory())) {
        ourWorker.add(WorkerLoad.run(real.url(), jobs, 10));
      }
    }, () -> {
      try (Spawned real = Spawned.faktory(settings.faktory())) {
        goWorker.add(GoLoad.run(settings.load(), real.url(), jobs, 10));
      }
    });
    return List.of(
        Row.rate("Go load " + jobs + " 10 against the jar vs real Faktory", "jobs/s", onFake, onReal, 3.0),
        Row.rate("our client, load workload vs Go load (real Faktory)", "jobs/s", ourClient, goClient, 1.0),
        Row.rate("FaktoryWorker, load workload vs Go load (real Faktory)", "jobs/s", ourWorker, goWorker, 1.0));
  }

  /** Runs {@code workload} once against a fresh real Faktory, unrecorded. */
  private static void warmUp(Settings settings, Workload workload, int jobs) throws Exception {
    try (Spawned real = Spawned.faktory(settings.faktory())) {
      workload.run(real.url(), jobs, 10);
    }
  }

  /** {@link ClientLoad#run} or {@link WorkerLoad#run}. */
  @FunctionalInterface
  private interface Workload {
    double run(String url, int jobs, int threads) throws Exception;
  }
}
