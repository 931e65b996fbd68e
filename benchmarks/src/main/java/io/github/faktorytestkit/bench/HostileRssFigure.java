package io.github.faktorytestkit.bench;

import io.github.faktorytestkit.conformance.HostileTraffic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * Resident memory of the fake's jar next to real Faktory plus its Redis under HostileInputIT's attack (its
 * generator, through {@link HostileTraffic}; the sessions that would crash 1.9.4 are left out on both sides): before,
 * the peak (sampled every 100 ms), and 1 s and 10 s after the last session; the rows give what was sent and how
 * long it took. The jobs the sessions pushed stay queued on both sides. One run per side: a run is 100,000 sessions.
 * The jar runs as {@code java -jar} and, when the build wrote it, through its {@code faktory} launcher. The target
 * is issue 11's: RSS after the fuzz within 2× the real server's.
 */
final class HostileRssFigure implements Figure {
  private static final int THREADS = 8;
  private static final long SAMPLE_MILLIS = 100;

  @Override
  public List<Row> measure(Settings settings) throws Exception {
    int sessions = settings.size(100_000, 2_000);
    long settleMillis = settings.quick() ? 2_000 : 10_000;
    Memory fake = new Memory();
    Memory real = new Memory();
    Memory launcher = new Memory();
    boolean hasLauncher = Spawned.hasLauncher(settings.fakeJar());
    List<Figure.Step> steps = new ArrayList<>(List.of(
        () -> fake.attack(Spawned.fakeJar(settings.fakeJar(), settings.fakeJvm()), sessions, settleMillis),
        () -> real.attack(Spawned.faktory(settings.faktory()), sessions, settleMillis)));
    if (hasLauncher) {
      steps.add(() -> launcher.attack(Spawned.fakeLauncher(settings.fakeJar()), sessions, settleMillis));
    }
    Figure.rotate(1, steps);
    List<Row> rows = new ArrayList<>(rows("jar", fake, real, settleMillis));
    if (hasLauncher) {
      rows.addAll(rows("faktory launcher", launcher, real, settleMillis));
    }
    return rows;
  }

  private static List<Row> rows(String side, Memory fake, Memory real, long settleMillis) {
    String attack = " (" + side + ": " + fake.outcome + ", Faktory: " + real.outcome + ")";
    return List.of(
        Row.size("RSS before hostile sessions (one run per side): " + side + " vs Faktory + Redis", "MB", fake.before,
            real.before, 2.0),
        Row.size("RSS peak during hostile sessions" + attack, "MB", fake.peak, real.peak, 2.0),
        Row.size("RSS 1 s after hostile sessions: " + side, "MB", fake.afterOne, real.afterOne, 2.0),
        Row.size("RSS " + settleMillis / 1000 + " s after hostile sessions: " + side, "MB", fake.afterSettle,
            real.afterSettle, 2.0));
  }

  /** One side's samples. */
  private static final class Memory {
    final Samples before = new Samples();
    final Samples peak = new Samples();
    final Samples afterOne = new Samples();
    final Samples afterSettle = new Samples();
    String outcome;

    void attack(Spawned server, int sessions, long settleMillis) throws Exception {
      try (server) {
        Thread.sleep(1_000);
        before.add(server.rssMegabytes());
        DoubleAccumulator highest = new DoubleAccumulator(Math::max, 0);
        Thread sampler = new Thread(() -> sample(server, highest), "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HostileTraffic.Outcome sent = HostileTraffic.send(java.net.URI.create(server.url()), sessions, THREADS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1_000);
        afterOne.add(server.rssMegabytes());
        sampler.interrupt();
        sampler.join();
        peak.add(highest.get());
        Thread.sleep(settleMillis - 1_000);
        afterSettle.add(server.rssMegabytes());
        outcome = String.format(java.util.Locale.ROOT, "%,d of %,d sessions sent in %.0f s, %d not closed cleanly",
            sent.sent(), sent.generated(), seconds, sent.unanswered());
      }
    }

    private static void sample(Spawned server, DoubleAccumulator highest) {
      try {
        while (true) {
          highest.accumulate(server.rssMegabytes());
          Thread.sleep(SAMPLE_MILLIS);
        }
      } catch (InterruptedException stopped) {
        // the attack is over
      }
    }
  }
}
