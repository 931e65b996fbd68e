package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.bench.probe.StartProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up, each against real Faktory's spawn to first {@code +HI}: the standalone jar's spawn (plain, and with
 * the class-data archive built beside it at package time), the first {@code FakeFaktory.start()} in a fresh JVM
 * and each further one in that JVM (both measured inside the JVM, from the call to the {@code +HI} read).
 */
final class StartupFigure implements Figure {

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    Samples real = new Samples();
    Samples jar = new Samples();
    Samples jarCds = new Samples();
    Samples first = new Samples();
    Samples further = new Samples();
    Path archive = cdsArchive(settings.fakeJar());
    int furtherStarts = settings.size(200, 20);
    for (int i = 0; i < settings.runs(); i++) {
      List<Figure.Step> steps = new ArrayList<>(List.of(
          () -> spawn(Spawned.faktory(settings.faktory()), real),
          () -> spawn(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), jar),
          () -> probe(furtherStarts, first, further)));
      if (archive != null) {
        steps.add(() -> spawn(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm("-XX:SharedArchiveFile=" + archive)),
            jarCds));
      }
      for (int k = 0; k < steps.size(); k++) {
        steps.get((k + i) % steps.size()).run();
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.add(Row.time("standalone jar: spawn to first +HI (java -jar)", "ms", jar, real, 0.7));
    if (archive != null) {
      rows.add(Row.time("standalone jar: spawn to first +HI (with its CDS archive)", "ms", jarCds, real, 0.7));
    }
    rows.add(Row.time("first FakeFaktory.start() in a fresh JVM to +HI", "ms", first, real, 1.0));
    rows.add(Row.time("each further FakeFaktory.start() to +HI", "ms", further, real, 50));
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

  private static void probe(int furtherStarts, Samples first, Samples further) throws Exception {
    Map<String, Double> out = ChildJvm.run(StartProbe.class, List.of(), String.valueOf(furtherStarts));
    first.add(out.get("first"));
    further.add(out.get("further"));
  }
}
