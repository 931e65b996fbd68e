package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.protocol.WorkerState;
import io.github.faktorytestkit.client.FaktoryCommandException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Sends BEAT every interval on the worker's control connection, with {@code rss_kb} and the worker's
 * {@code current_state}, and passes the server's answer (quiet or terminate) on. Beats keep to a fixed grid of
 * intervals from the start: those missed while a reply was slow or a reconnect took long are skipped, not made up.
 */
final class Heartbeat implements Runnable {
  private final WorkerConnection connection;
  private final Lifecycle lifecycle;
  private final WorkerClock clock;
  private final Duration interval;
  private final Instant first;
  private final Consumer<WorkerState> signals;
  private final Logger log;

  /** Creates the heartbeat; the first beat goes an interval after now, read on the caller's thread. */
  Heartbeat(WorkerConnection connection, Lifecycle lifecycle, WorkerClock clock, Duration interval,
      Consumer<WorkerState> signals, Logger log) {
    this.connection = connection;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.interval = interval;
    this.first = clock.now().plus(interval);
    this.signals = signals;
    this.log = log;
  }

  @Override
  public void run() {
    Instant next = first;
    while (Waits.until(clock, next, lifecycle.closing())) {
      try {
        beat();
      } catch (WorkerStoppedException e) {
        return;
      }
      Instant afterBeat = clock.now();
      do {
        next = next.plus(interval);
      } while (next.isBefore(afterBeat));
    }
  }

  private void beat() {
    WorkerState reported = lifecycle.beatState();
    try {
      WorkerState answer = connection.call("BEAT",
          client -> client.beat(reported, ResidentMemory.kilobytes()), lifecycle.closing());
      if (answer != WorkerState.RUNNING && answer != reported) {
        log.info("heartbeat: the server says {}", answer.wireName());
      }
      signals.accept(answer);
    } catch (FaktoryCommandException e) {
      log.warn("heartbeat refused: {}; registering the worker again on a new connection", e.getMessage());
      connection.reset();
    }
  }
}
