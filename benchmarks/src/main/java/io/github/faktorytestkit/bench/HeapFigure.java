package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.bench.probe.HeapProbe;
import java.util.List;
import java.util.Map;

/** Heap of a deep queue and of idle fakes, and whether PUSH/FETCH cost stays flat with depth; fresh JVM per run. */
final class HeapFigure implements Figure {

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    int jobs = settings.size(1_000_000, 20_000);
    Samples heap = new Samples();
    Samples idle = new Samples();
    Samples growth = new Samples();
    for (int i = 0; i < settings.runs(); i++) {
      Map<String, Double> out = ChildJvm.run(HeapProbe.class, List.of("-Xmx2g"), String.valueOf(jobs),
          String.valueOf(settings.size(5000, 500)));
      heap.add(out.get("heap-mb"));
      idle.add(out.get("idle-kb"));
      growth.add(out.get("cycle-us-deep") / out.get("cycle-us-1k"));
    }
    return List.of(
        Row.atMost("heap of " + jobs + " queued jobs", "MB", heap, 1024),
        Row.atMost("PUSH+FETCH+ACK cost at " + jobs + " queued / at 1,000", "×", growth, 1.5),
        Row.atMost("heap per idle fake (100 in one JVM)", "KB", idle, 256));
  }
}
