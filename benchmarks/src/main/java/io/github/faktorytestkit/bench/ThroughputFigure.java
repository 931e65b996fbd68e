package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.bench.probe.LoadFloorServer;
import io.github.faktorytestkit.bench.probe.NettyLoadFloorServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs per second of Go's {@code load} against the fake's jar ({@code java -jar}, and through its {@code faktory}
 * launcher when the build wrote it) and against real Faktory, then the project's client
 * running the same workload ({@link ClientLoad}) and a {@link io.github.faktorytestkit.worker.FaktoryWorker} doing its
 * pops ({@link WorkerLoad}) against real Faktory next to Go's {@code load}; a fresh server per run. The floor under
 * the first two: Go's {@code load} against a JVM that answers it with canned replies and a queue of raw lines, no
 * model, on one {@code java.nio} thread ({@link LoadFloorServer}) and on Netty as the jar runs it
 * ({@link NettyLoadFloorServer}), both with the launcher's JIT and collector ({@link #FLOOR_JVM}), in the same
 * rotation. Each Go {@code load} run also notes the server's CPU time (user + system of its process tree), which load
 * elsewhere on the machine inflates less than it slows the rate.
 *
 * <p>Go's {@code load} is a native binary, compiled ahead of time; the client and the worker run in this JVM, so
 * each gets one unrecorded run first, for the JIT (a cold run costs about twice the CPU of a warm one).
 */
final class ThroughputFigure implements Figure {
  /**
   * The floors' JIT and collector: the launcher's, and what the jar runs once ready (C2 excluded). With C2, compiling
   * Netty took 2.3-2.5 s of the Netty floor's 5.3 s of CPU per run, compiling the JDK's NIO 1.2 s of the other's 3.0.
   */
  private static final List<String> FLOOR_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    int jobs = settings.size(30000, 2000);
    Samples onFake = new Samples();
    Samples onReal = new Samples();
    Samples onLauncher = new Samples();
    Samples onFloor = new Samples();
    Samples onNettyFloor = new Samples();
    Samples cpuFake = new Samples();
    Samples cpuReal = new Samples();
    Samples cpuLauncher = new Samples();
    Samples cpuFloor = new Samples();
    Samples cpuNettyFloor = new Samples();
    Samples ourClient = new Samples();
    Samples goClient = new Samples();
    Samples ourWorker = new Samples();
    Samples goWorker = new Samples();
    boolean launcher = Spawned.hasLauncher(settings.fakeJar());
    List<Figure.Step> goLoad = new ArrayList<>(List.of(
        () -> goLoad(settings, Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), jobs, onFake, cpuFake),
        () -> goLoad(settings, Spawned.faktory(settings.faktory()), jobs, onReal, cpuReal),
        () -> goLoad(settings, Spawned.probe(LoadFloorServer.class, FLOOR_JVM, List.of()), jobs, onFloor, cpuFloor),
        () -> goLoad(settings, Spawned.probe(NettyLoadFloorServer.class, FLOOR_JVM, List.of(settings.fakeJar())), jobs,
            onNettyFloor, cpuNettyFloor)));
    if (launcher) {
      goLoad.add(() -> goLoad(settings, Spawned.fakeLauncher(settings.fakeJar()), jobs, onLauncher, cpuLauncher));
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
    rows.add(Row.rate("floor: Go load " + jobs + " 10 against a canned-reply Netty server (no model) vs real Faktory",
        "jobs/s", onNettyFloor, onReal, 3.0));
    rows.add(Row.time("server CPU (user + system) per Go load run: the jar vs real Faktory + Redis", "s", cpuFake,
        cpuReal, 1.0));
    if (launcher) {
      rows.add(Row.time("server CPU per Go load run: its faktory launcher vs real Faktory + Redis", "s", cpuLauncher,
          cpuReal, 1.0));
    }
    rows.add(Row.time("floor: server CPU per Go load run: the canned-reply java.nio server vs real Faktory + Redis",
        "s", cpuFloor, cpuReal, 1.0));
    rows.add(Row.time("floor: server CPU per Go load run: the canned-reply Netty server vs real Faktory + Redis",
        "s", cpuNettyFloor, cpuReal, 1.0));
    rows.add(Row.rate("our client, load workload vs Go load (real Faktory)", "jobs/s", ourClient, goClient, 1.0));
    rows.add(Row.rate("FaktoryWorker, load workload vs Go load (real Faktory)", "jobs/s", ourWorker, goWorker, 1.0));
    return rows;
  }

  /** Runs Go's {@code load} once against {@code server}, then stops it; notes the rate and the server's CPU time. */
  private static void goLoad(Settings settings, Spawned server, int jobs, Samples rate, Samples cpu) throws Exception {
    try (server) {
      double cpuBefore = server.cpuSeconds();
      rate.add(GoLoad.run(settings.load(), server.url(), jobs, 10));
      cpu.add(server.cpuSeconds() - cpuBefore);
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
