package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.conformance.AcrossTargets;
import io.github.faktorytestkit.conformance.FaktoryFeature;
import io.github.faktorytestkit.conformance.Requires;
import io.github.faktorytestkit.conformance.Target;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** BEAT and the worker lifecycle, against the fake and real Faktory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerBeatIT {

  @AcrossTargets
  void runningWorkerBeatsRunning(Target target) {
    try (FaktoryClient worker = worker(target, "beat-running")) {
      assertThat(worker.beat()).isEqualTo(WorkerState.RUNNING);
      assertThat(worker.beat(WorkerState.RUNNING, 1024)).isEqualTo(WorkerState.RUNNING);
    }
  }

  @AcrossTargets
  void reportedStateIsEchoedAndNeverGoesBack(Target target) {
    try (FaktoryClient worker = worker(target, "beat-states")) {
      assertThat(worker.beat(WorkerState.QUIET)).isEqualTo(WorkerState.QUIET);
      assertThat(worker.beat()).isEqualTo(WorkerState.QUIET);
      assertThat(worker.beat(WorkerState.TERMINATE, 2048)).isEqualTo(WorkerState.TERMINATE);
      assertThat(worker.beat(WorkerState.QUIET)).isEqualTo(WorkerState.TERMINATE);
    }
  }

  @AcrossTargets
  @Requires(FaktoryFeature.WEB_SIGNAL_WITHOUT_CSRF)
  void quietFromTheWebUiArrivesWithTheNextBeatAndStopsFetching(Target target, FaktoryClient client) {
    try (FaktoryClient worker = worker(target, "beat-web-quiet")) {
      target.quiet("beat-web-quiet");
      client.push(Job.builder("T").queue("quiet-q").build());

      assertThat(worker.beat()).isEqualTo(WorkerState.QUIET);
      assertThat(target.blockingFetch(() -> worker.fetch("quiet-q"))).isEmpty();
      assertThat(client.fetch("quiet-q")).isPresent();
    }
  }

  @AcrossTargets
  @Requires(FaktoryFeature.WEB_SIGNAL_WITHOUT_CSRF)
  void terminateFromTheWebUiArrivesWithTheNextBeat(Target target) {
    try (FaktoryClient worker = worker(target, "beat-web-terminate")) {
      target.terminate("beat-web-terminate");
      assertThat(worker.beat()).isEqualTo(WorkerState.TERMINATE);
      assertThat(worker.beat(WorkerState.QUIET)).isEqualTo(WorkerState.TERMINATE);
    }
  }

  @AcrossTargets
  void beatForAnUnknownWorkerIsRefused(FaktoryClient client) {
    assertThat(client.exchange("BEAT {\"wid\":\"ghost\"}")).isEqualTo(Reply.err("unknown worker ghost"));
    assertThat(client.exchange("BEAT {}")).isEqualTo(Reply.err("unknown worker "));
  }

  @AcrossTargets
  void beatWithAMalformedPayloadIsRefused(FaktoryClient client) {
    assertThat(client.exchange("BEAT x")).isEqualTo(Reply.err("invalid BEAT x"));
  }

  private static FaktoryClient worker(Target target, String wid) {
    return target.clientBuilder().wid(wid).labels("it").connect();
  }
}
