package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.ServerInfo;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The server's timers with the same assertions on the fake and on real Faktory: scheduled jobs, retry backoff,
 * reservation expiry and heartbeat expiry (the handshake deadline is {@link HandshakeDeadlineIT}'s). Real Faktory runs its timers as periodic tasks
 * (scheduler and retries every 5 s, reservation and worker reapers every 15 s) while the fake acts at the exact
 * deadline (fake-server/KNOWN-DIFFERENCES.md), so every check is placed outside the real server's windows and holds
 * for any timing it is allowed. A real period may be skipped: the task runner runs a task when the wall-clock second
 * its 1 s ticker sees is a multiple of the period, and a late tick skips that second, so every window allows two
 * periods. The four timer scenarios share one timeline, so the real waits add up to ~92 s; the
 * targets run at the same time.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
// one real-time timeline per target at once (junit-platform.properties); this class holds that one scenario only,
// since another test on the same target would FLUSH it mid-timeline
@Execution(ExecutionMode.CONCURRENT)
class TimersIT {

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
}
