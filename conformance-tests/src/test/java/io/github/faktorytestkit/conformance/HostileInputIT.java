package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.faktorytestkit.conformance.report.Findings;
import io.github.faktorytestkit.conformance.report.Progress;
import io.github.faktorytestkit.protocol.Escaping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile-input generator ({@link HostileSessions}): {@value #SESSIONS} sessions (override with {@code
 * -Dfaktory.hostile.sessions}) against the fake, over 8 connections at a time ({@code -Dfaktory.hostile.threads}),
 * while a {@link Canary} does PUSH, FETCH and ACK on its own connection; every session must end with the fake
 * closing the connection (no hang), the canary must stay served. The first {@value #DIFFERENTIAL} sessions that cannot crash 1.9.4 (override
 * with {@code -Dfaktory.hostile.differential}) also go to the local real server, and the normalised replies must be
 * equal outside {@link HostilePinned}. The seed ({@code -Dfaktory.hostile.seed}) is printed; a divergence prints
 * its session shrunk to the fewest lines that still differ.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
@Requires(FaktoryFeature.WIRE_OF_1_9_4)
@Heavy
class HostileInputIT {
  static final int SESSIONS = 100_000;
  static final int DIFFERENTIAL = 5_000;
  static final int THREADS = Integer.getInteger("faktory.hostile.threads", 8);
  private static final long SEED = Long.getLong("faktory.hostile.seed", 0x4641_4b54L);
  private static final HostileSessions GENERATOR = new HostileSessions(SEED);

  @Test
  void theFakeSurvivesHostileSessionsAndAnswersThemAsRealFaktory() throws InterruptedException {
    int sessions = Integer.getInteger("faktory.hostile.sessions", SESSIONS);
    int differential = Math.min(sessions, Integer.getInteger("faktory.hostile.differential", DIFFERENTIAL));
    try (Target fake = Targets.start(TargetKind.FAKE, null)) {
      List<List<String>> fakeReplies = attack(fake, sessions, differential);
      assumeTrue(TargetKind.allowed().contains(TargetKind.LOCAL),
          "-Dfaktory.targets leaves out local: the fake's attack ran, the comparison with real Faktory did not");
      compareWithReal(fake, fakeReplies, differential);
    }
  }

  private static void compareWithReal(Target fake, List<List<String>> fakeReplies, int differential)
      throws InterruptedException {
    try (Target real = Targets.start(TargetKind.LOCAL, null)) {
      List<List<String>> realReplies = attack(real, differential, differential);
      HostileComparison comparison = HostileComparison.of(fakeReplies, realReplies, GENERATOR::session);
      Progress.line(String.format("[conformance]      property   | HostileInputIT.differential on %s: %d sessions"
          + " compared, %d differ: %d pinned, %d unexplained",
          real.name(), comparison.compared(), comparison.differing(), comparison.pinned(),
          comparison.unexplained().size()));
      Findings.propertyRun("HostileInputIT.differential", real.name(), comparison.compared(), comparison.compared());
      comparison.unexplained().stream().limit(10).forEach(session -> Progress.line("[conformance]      divergence | "
          + "HostileInputIT session " + session + ", " + HostileComparison.firstDifference(fakeReplies.get(session),
          realReplies.get(session))));
      List<String> shrunk = comparison.unexplained().stream().limit(3)
          .map(session -> HostileComparison.shrink(GENERATOR.session(session), fake, real))
          .map(bytes -> Escaping.escape(bytes)).toList();
      shrunk.forEach(bytes -> Progress.line("[conformance]      divergence | HostileInputIT seed " + SEED + ": " + bytes));
      assertThat(shrunk).as("sessions answered differently (seed %d), shrunk", SEED).isEmpty();
    }
  }

  /**
   * Runs {@code count} sessions against {@code server} with a canary; returns the replies of the first {@code keep}
   * (null for a session that would crash 1.9.4, which goes to the fake alone and is not compared).
   */
  private static List<List<String>> attack(Target server, int count, int keep) throws InterruptedException {
    List<List<String>> kept = new ArrayList<>(Collections.nCopies(keep, (List<String>) null));
    ConcurrentLinkedQueue<String> hangs = new ConcurrentLinkedQueue<>();
    AtomicInteger fakeOnly = new AtomicInteger();
    long started = System.nanoTime();
    int canaryRounds;
    String canaryFailure;
    try (Canary canary = Canary.start(server)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      for (int index = 0; index < count; index++) {
        int session = index;
        pool.execute(() -> {
          List<String> replies = run(server, session, fakeOnly, hangs);
          if (replies != null && !HostileRun.ended(replies)) {
            hangs.add(session + ": " + abbreviated(Escaping.escape(GENERATOR.session(session))) + " -> "
                + abbreviated(replies.subList(Math.max(0, replies.size() - 3), replies.size()).toString()));
          }
          if (session < keep) {
            kept.set(session, replies);
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(480, TimeUnit.SECONDS)).as("sessions done in time").isTrue();
      canaryRounds = canary.rounds();
      canaryFailure = canary.failure();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    Progress.line(String.format("[conformance]      property   | HostileInputIT.sessions on %s: %d sessions"
        + " (%d fake only: would crash 1.9.4) in %d ms, seed %d, canary %d rounds", server.name(), count,
        fakeOnly.get(), millis, SEED, canaryRounds));
    Findings.propertyRun("HostileInputIT.sessions", server.name(), count, count);
    assertThat(hangs.stream().limit(5)).as("sessions %s did not close within %s", server.name(), RawConnection.REPLY_TIMEOUT).isEmpty();
    assertThat(canaryFailure).as("the canary on %s", server.name()).isNull();
    assertThat(canaryRounds).as("canary rounds on %s", server.name()).isPositive();
    return kept;
  }

  /** Returns the session's normalised replies, or null when it would crash 1.9.4 (then the fake alone gets it). */
  private static List<String> run(Target server, int session, AtomicInteger fakeOnly,
      ConcurrentLinkedQueue<String> hangs) {
    byte[] stream = GENERATOR.session(session);
    try {
      RawConnection.safeStream(stream);
    } catch (IllegalArgumentException crashes194) {
      fakeOnly.incrementAndGet();
      if (server.kind() == TargetKind.FAKE && !HostileRun.drain(server.url(), stream)) {
        hangs.add(session + ": " + abbreviated(Escaping.escape(stream)) + " (not answered)");
      }
      return null;
    }
    return HostileRun.replies(server.url(), stream);
  }

  private static String abbreviated(String text) {
    return text.length() <= 400 ? text : text.substring(0, 200) + "..." + text.substring(text.length() - 200);
  }
}
