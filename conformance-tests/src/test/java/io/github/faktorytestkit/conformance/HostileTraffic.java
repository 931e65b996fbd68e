package io.github.faktorytestkit.conformance;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link HostileInputIT}'s generator pointed at any server, for measurements outside the test suite (the benchmarks'
 * {@code HostileRssFigure} takes this class from this module's test jar): sends the sessions that cannot crash
 * Faktory 1.9.4, so the fake and the real server get the same bytes, and reads each until the server closes.
 */
public final class HostileTraffic {
  /** The seed {@link HostileInputIT} uses by default. */
  public static final long SEED = 0x4641_4b54L;

  private HostileTraffic() {}

  /**
   * What one attack did.
   *
   * @param sent sessions sent (the first {@code generated} minus those that would crash 1.9.4)
   * @param generated sessions generated
   * @param unanswered sessions the server reset, or did not close within {@link RawConnection#REPLY_TIMEOUT}
   */
  public record Outcome(int sent, int generated, int unanswered) {}

  /** Sends the first {@code sessions} sessions of {@link #SEED} to {@code server}, {@code threads} at a time. */
  public static Outcome send(URI server, int sessions, int threads) throws InterruptedException {
    HostileSessions generator = new HostileSessions(SEED);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger unanswered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int index = 0; index < sessions; index++) {
      int session = index;
      pool.execute(() -> {
        byte[] stream = generator.session(session);
        if (!crashesFaktory194(stream)) {
          sent.incrementAndGet();
          if (!HostileRun.drain(server, stream)) {
            unanswered.incrementAndGet();
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
      pool.shutdownNow();
    }
    return new Outcome(sent.get(), sessions, unanswered.get());
  }

  private static boolean crashesFaktory194(byte[] stream) {
    try {
      RawConnection.safeStream(stream);
      return false;
    } catch (IllegalArgumentException crashes) {
      return true;
    }
  }
}
