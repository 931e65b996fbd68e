package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.bench.probe.LoadFloorServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs per second of Go's {@code load} against the fake's jar ({@code java -jar}, and through its {@code faktory}
 * launcher when the build wrote it) and against real Faktory, then the project's client
 * running the same workload ({@link ClientLoad}) and a {@link io.github.faktorytestkit.worker.FaktoryWorker} doing its
 * pops ({@link WorkerLoad}) against real Faktory next to Go's {@code load}; a fresh server per run. The floor under
 * the first two: Go's {@code load} against a JVM that answers it with canned replies and a queue of raw lines, no
 * model ({@link LoadFloorServer}), in the same rotation.
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
    Samples onLauncher = new Samples();
    Samples onFloor = new Samples();
    Samples ourClient = new Samples();
    Samples goClient = new Samples();
    Samples ourWorker = new Samples();
    Samples goWorker = new Samples();
    boolean launcher = Spawned.hasLauncher(settings.fakeJar());
    List<Figure.Step> goLoad = new ArrayList<>(List.of(
        () -> goLoad(settings, Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), jobs, onFake),
        () -> goLoad(settings, Spawned.faktory(settings.faktory()), jobs, onReal),
        () -> goLoad(settings, Spawned.probe(LoadFloorServer.class), jobs, onFloor)));
    if (launcher) {
      goLoad.add(() -> goLoad(settings, Spawned.fakeLauncher(settings.fakeJar()), jobs, onLauncher));
    }
    Figure.rotate(settings.runs(), goLoad);
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
    List<Row> rows = new ArrayList<>();
    rows.add(Row.rate("Go load " + jobs + " 10 against the jar vs real Faktory", "jobs/s", onFake, onReal, 3.0));
    if (launcher) {
      rows.add(Row.rate("Go load " + jobs + " 10 against its faktory launcher vs real Faktory", "jobs/s", onLauncher,
          onReal, 3.0));
    }
    rows.add(Row.rate("floor: Go load " + jobs + " 10 against a canned-reply java.nio server (no model) vs real Faktory",
        "jobs/s", onFloor, onReal, 3.0));
    rows.add(Row.rate("our client, load workload vs Go load (real Faktory)", "jobs/s", ourClient, goClient, 1.0));
    rows.add(Row.rate("FaktoryWorker, load workload vs Go load (real Faktory)", "jobs/s", ourWorker, goWorker, 1.0));
    return rows;
  }

  /** Runs Go's {@code load} once against {@code server}, then stops it. */
  private static void goLoad(Settings settings, Spawned server, int jobs, Samples into) throws Exception {
    try (server) {
      into.add(GoLoad.run(settings.load(), server.url(), jobs, 10));
    }
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
