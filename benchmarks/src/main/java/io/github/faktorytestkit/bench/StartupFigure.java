package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.bench.probe.JdkFloorServer;
import io.github.faktorytestkit.bench.probe.NettyFloorProbe;
import io.github.faktorytestkit.bench.probe.StartProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up, each against real Faktory's spawn to first {@code +HI}: the standalone jar's spawn (plain, with the
 * class-data archive built beside it at package time, and through the {@code faktory} launcher beside it), the
 * first {@code FakeFaktory.start()} in a fresh JVM (to {@code +HI}, and to what a user gets next: {@code HELLO}'s
 * {@code +OK} and a {@code PUSH} then {@code FETCH}) and each further one in that JVM (measured inside the JVM, from
 * the call to the reply read); and the floors under them: a JVM that only greets with {@code java.net}
 * ({@link JdkFloorServer}), a bare Netty server in a fresh JVM and the fake started after it ({@link NettyFloorProbe}).
 */
final class StartupFigure implements Figure {

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    Samples real = new Samples();
    Samples jar = new Samples();
    Samples jarCds = new Samples();
    Samples launcher = new Samples();
    Samples first = new Samples();
    Samples hello = new Samples();
    Samples pushFetch = new Samples();
    Samples further = new Samples();
    Samples jdkFloor = new Samples();
    Samples nettyFloor = new Samples();
    Samples fakeOnNetty = new Samples();
    Path archive = cdsArchive(settings.fakeJar());
    int furtherStarts = settings.size(200, 20);
    List<Figure.Step> steps = new ArrayList<>(List.of(
        () -> spawn(Spawned.faktory(settings.faktory()), real),
        () -> spawn(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), jar),
        () -> probe(furtherStarts, first, hello, pushFetch, further),
        () -> spawn(Spawned.probe(JdkFloorServer.class), jdkFloor),
        () -> floor(nettyFloor, fakeOnNetty)));
    if (archive != null) {
      steps.add(() -> spawn(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm("-XX:SharedArchiveFile=" + archive)),
          jarCds));
    }
    if (Spawned.hasLauncher(settings.fakeJar())) {
      steps.add(() -> spawn(Spawned.fakeLauncher(settings.fakeJar()), launcher));
    }
    Figure.rotate(settings.runs(), steps);
    List<Row> rows = new ArrayList<>();
    rows.add(Row.time("standalone jar: spawn to first +HI (java -jar)", "ms", jar, real, 0.7));
    if (archive != null) {
      rows.add(Row.time("standalone jar: spawn to first +HI (with its CDS archive)", "ms", jarCds, real, 0.7));
    }
    if (Spawned.hasLauncher(settings.fakeJar())) {
      rows.add(Row.time("standalone jar: spawn to first +HI (its faktory launcher)", "ms", launcher, real, 0.7));
    }
    rows.add(Row.time("first FakeFaktory.start() in a fresh JVM to +HI", "ms", first, real, 1.0));
    rows.add(Row.time("first FakeFaktory.start() in a fresh JVM to HELLO's +OK (vs Faktory's +HI)", "ms", hello, real,
        1.0));
    rows.add(Row.time("first FakeFaktory.start() in a fresh JVM to a PUSH+FETCH's job (vs Faktory's +HI)", "ms",
        pushFetch, real, 1.0));
    rows.add(Row.time("each further FakeFaktory.start() to +HI", "ms", further, real, 50));
    rows.add(Row.time("floor: a java.net-only JVM server, spawn to first +HI", "ms", jdkFloor, real, 0.7));
    rows.add(Row.time("floor: a bare Netty server in a fresh JVM to +HI (no fake)", "ms", nettyFloor, real, 1.0));
    rows.add(Row.time("floor: first FakeFaktory.start() after that Netty server", "ms", fakeOnNetty, real, 1.0));
    return rows;
  }

  /** Returns the class-data archive the fake-server build writes next to the jar, or null when absent. */
  private static Path cdsArchive(Path jar) {
    Path archive = jar.resolveSibling("faktory-fake-server.jsa");
    return Files.exists(archive) ? archive : null;
  }

  private static void spawn(Spawned server, Samples into) throws InterruptedException {
    into.add(server.readyMillis());
    server.close();
  }

  private static void floor(Samples netty, Samples fakeAfter) throws Exception {
    Map<String, Double> out = ChildJvm.run(NettyFloorProbe.class, List.of());
    netty.add(out.get("netty"));
    fakeAfter.add(out.get("fake"));
  }

  private static void probe(int furtherStarts, Samples first, Samples hello, Samples pushFetch, Samples further)
      throws Exception {
    Map<String, Double> out = ChildJvm.run(StartProbe.class, List.of(), String.valueOf(furtherStarts));
    first.add(out.get("first"));
    hello.add(out.get("hello"));
    pushFetch.add(out.get("pushFetch"));
    further.add(out.get("further"));
  }
}
