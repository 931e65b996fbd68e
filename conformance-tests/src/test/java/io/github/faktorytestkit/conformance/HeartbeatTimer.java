package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.protocol.WorkerState;
import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryConnectionException;
import io.github.faktorytestkit.protocol.Reply;

/**
 * Two workers: one that never beats after its HELLO and one that beats at every step. A worker silent for more than
 * 60 s is dropped and its connections are closed (real Faktory: its reaper runs every 15 s, so 60-75 s after the last
 * BEAT or HELLO, 90 s when a period is skipped; the fake: just after 60 s); the beating one stays. Part of
 * {@link TimersIT}.
 *
 * @param producer a connection without wid, used to BEAT for the silent worker
 * @param silent the worker connection that never beats
 * @param beating the worker connection that beats at every step
 */
record HeartbeatTimer(FaktoryClient producer, FaktoryClient silent, FaktoryClient beating) implements AutoCloseable {
  private static final String SILENT = "timers-silent";
  private static final String BEATING = "timers-beating";

  /** Connects both workers; {@code producer} is a connection without wid, used to BEAT for the silent one. */
  static HeartbeatTimer start(Target target, FaktoryClient producer) {
    FaktoryClient silent = target.clientBuilder().wid(SILENT).connect();
    return new HeartbeatTimer(producer, silent, target.clientBuilder().wid(BEATING).connect());
  }

  /** Beats for the beating worker, which must still be running. */
  void beat() {
    assertThat(beating.beat()).as("BEAT of %s", BEATING).isEqualTo(WorkerState.RUNNING);
  }

  /** Asserts, before 60 s of silence, that the silent worker's connection still answers commands. */
  void assertSilentStillConnected() {
    assertThat(silent.info().version()).as("INFO on the silent worker's connection").isNotEmpty();
  }

  /** Asserts, after the latest reap, that the silent worker is gone and its connection closed; beats once more. */
  void assertSilentDropped() {
    assertThatThrownBy(silent::info).as("INFO on the dropped worker's connection")
        .isInstanceOf(FaktoryConnectionException.class);
    assertThat(producer.exchange("BEAT {\"wid\":\"" + SILENT + "\"}")).as("BEAT for the dropped worker")
        .isEqualTo(Reply.err("unknown worker " + SILENT));
    beat();
  }

  /** Closes both workers' connections. */
  @Override
  public void close() {
    silent.close();
    beating.close();
  }
}
