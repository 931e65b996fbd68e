package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The server's timers with the same assertions on the fake and on real Faktory: scheduled jobs, retry backoff,
 * reservation expiry, heartbeat expiry and the handshake deadline. Real Faktory runs its timers as periodic tasks
 * (scheduler and retries every 5 s, reservation and worker reapers every 15 s) while the fake acts at the exact
 * deadline (fake-server/KNOWN-DIFFERENCES.md), so every check is placed outside the real server's windows and holds
 * for any timing it is allowed. A real period may be skipped: the task runner runs a task when the wall-clock second
 * its 1 s ticker sees is a multiple of the period, and a late tick skips that second, so every window allows two
 * periods. The four timer scenarios share one timeline, so the real waits add up to ~92 s; the
 * targets run at the same time.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
@Execution(ExecutionMode.CONCURRENT) // one real-time timeline per target at once (junit-platform.properties)
class TimersIT {
  /** How long after connecting a HELLO must have arrived. */
  private static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(2);
  private static final Duration LATE_HELLO = Duration.ofMillis(1900);
  /** A HELLO meant for 1.9 s that left after this says nothing (a busy machine); the run is repeated. */
  private static final Duration LATEST_LATE_HELLO = Duration.ofMillis(1950);
  /** The latest a real server's close of a silent connection may be seen. */
  private static final Duration LATEST_CLOSE = Duration.ofMillis(2500);
  private static final int HANDSHAKE_ATTEMPTS = 3;

  /**
   * Setup order matters: the scenarios whose first check comes soonest before their earliest event (scheduled at
   * +3 s checked at 1 s; retry at +15 s checked at 13 s) start last, right before the timeline starts. Every event
   * then lies after the timeline's start minus a few milliseconds and no later than its start plus its longest delay.
   */
  @AcrossTargets
  @Requires(FaktoryFeature.INFO_SETS)
  void timersFireWithinTheRealServersWindows(Target target, FaktoryClient client) {
    ReaperCounts before = ReaperCounts.of(client.info());
    try (HeartbeatTimer workers = HeartbeatTimer.start(target, client)) {
      ReservationTimer reservation = ReservationTimer.start(target, client);
      RetryTimer retry = RetryTimer.start(target, client);
      ScheduledJobTimer scheduled = ScheduledJobTimer.start(target, client);
      Timeline timeline = Timeline.startingNow(target);

      timeline.advanceTo(Duration.ofSeconds(1));
      beforeTheEarliestSchedule(client.info(), scheduled);
      workers.beat();
      timeline.advanceTo(Duration.ofSeconds(13)); // before the shortest backoff, 15 s
      beforeTheEarliestRetry(client.info(), retry);
      timeline.advanceTo(Duration.ofSeconds(14)); // at (3 s) + two scanner periods (5 s, one may be skipped) + 1 s
      afterTheLatestSchedule(client.info(), scheduled);
      workers.beat();
      timeline.advanceTo(Duration.ofSeconds(30));
      workers.beat();
      timeline.advanceTo(Duration.ofSeconds(57)); // longest backoff (44 s) + two scanner periods + ticker second
      beforeTheEarliestExpiry(client.info(), retry, workers);
      workers.beat();
      timeline.advanceTo(Duration.ofSeconds(92)); // 60 s + two reaper periods (15 s) + ticker second, and margin
      afterTheLatestExpiry(client, before, reservation, workers);
    }
  }

  private static void beforeTheEarliestSchedule(ServerInfo info, ScheduledJobTimer scheduled) {
    assertThat(info.setSize("scheduled")).as("scheduled set at 1 s").isEqualTo(1);
    scheduled.assertNotYetFetchable(info);
  }

  private static void beforeTheEarliestRetry(ServerInfo info, RetryTimer retry) {
    assertThat(info.setSize("retries")).as("retries set at 13 s").isEqualTo(1);
    retry.assertNotYetRetried(info);
  }

  private static void afterTheLatestSchedule(ServerInfo info, ScheduledJobTimer scheduled) {
    assertThat(info.setSize("scheduled")).as("scheduled set at 14 s").isZero();
    scheduled.assertEnqueuedAndAck();
  }

  private static void beforeTheEarliestExpiry(ServerInfo info, RetryTimer retry, HeartbeatTimer workers) {
    assertThat(info.setSize("retries")).as("retries set at 52 s").isZero();
    assertThat(info.setSize("working")).as("reservations held at 52 s (the reserve_for 60 one)").isEqualTo(1);
    assertThat(ReaperCounts.of(info).workers()).as("workers at 52 s").isEqualTo(2);
    workers.assertSilentStillConnected();
    retry.assertRetriedAndAck();
  }

  private static void afterTheLatestExpiry(FaktoryClient client, ReaperCounts before, ReservationTimer reservation,
      HeartbeatTimer workers) {
    ServerInfo info = client.info();
    assertThat(info.setSize("working")).as("reservations held at 80 s").isZero();
    assertThat(ReaperCounts.of(info).since(before)).as("reaped since the start, workers left")
        .isEqualTo(new ReaperCounts(1, 1, 1));
    workers.assertSilentDropped();
    reservation.assertExpired(info);
    ServerInfo end = client.info();
    assertThat(end.totalProcessed()).as("processed: two ACKs and the two failures; not the late ACK").isEqualTo(4);
    assertThat(end.totalFailures()).as("failures: one FAIL, one expiry; the late FAIL is refused").isEqualTo(2);
  }

  @AcrossTargets
  void helloAtOnePointNineSecondsIsAcceptedAndASilentConnectionIsClosedAtTwo(Target target) {
    int attempt = 1;
    while (!handshakeRace(target)) {
      assertThat(++attempt).as("runs whose HELLO left after %s (machine too busy)", LATEST_LATE_HELLO)
          .isLessThanOrEqualTo(HANDSHAKE_ATTEMPTS);
    }
  }

  /**
   * Opens two connections: one sends HELLO at 1.9 s and is accepted (and stays open after 2 s), the other sends
   * nothing and is closed by the server at 2 s. Returns false, having checked nothing, when the HELLO could only go
   * out after {@link #LATEST_LATE_HELLO} (real time on a busy machine).
   */
  private static boolean handshakeRace(Target target) {
    Timeline timeline = Timeline.startingNow(target);
    try (RawConnection silent = RawConnection.open(target.url()); RawConnection late = RawConnection.open(target.url())) {
      assertGreeted(silent);
      assertGreeted(late);
      timeline.advanceTo(LATE_HELLO);
      if (timeline.elapsed().compareTo(LATEST_LATE_HELLO) > 0) {
        return false;
      }
      assertThat(late.send("HELLO {\"v\":2}").reply()).as("HELLO at 1.9 s").isEqualTo(Reply.OK);
      timeline.advanceTo(HANDSHAKE_DEADLINE);
      assertThat(silent.listen()).as("connection silent after HI, at 2 s").isSameAs(WireAnswer.CLOSED);
      assertThat(timeline.elapsed()).as("seen closed after").isLessThanOrEqualTo(LATEST_CLOSE);
      timeline.advanceTo(Duration.ofSeconds(3));
      assertThat(late.send("INFO").reply()).as("INFO at 3 s after a HELLO at 1.9 s")
          .isInstanceOf(Reply.BulkString.class);
      return true;
    }
  }

  private static void assertGreeted(RawConnection session) {
    assertThat(session.greeting().reply()).isEqualTo(Reply.simple("HI {\"v\":2}"));
  }
}
