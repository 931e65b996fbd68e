package io.github.faktorytestkit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayFaktoryTest {

  @Test
  void theReadmeExampleReplaysToItsOwnClientSide() {
    Transcript example = Recordings.readmeExample();
    try (ReplayFaktory replay = ReplayFaktory.builder(example).start()) {
      assertThat(RecordedClient.of(example, replay.url()).play()).isEmpty();
      replay.close();
      assertThat(replay.mismatches()).isEmpty();
      assertThat(replay.unplayed()).isEmpty();
    }
  }

  @Test
  void withAManualClockATimedReplyWaitsUntilTheTestMovesTheClock() {
    Transcript wait = TranscriptReader.parse(String.join("\n",
        "# faktory-transcript 1",
        "# recorded: 2026-12-02T10:00:00Z",
        "0.000 c1 open",
        "0.001 c1 < +HI {\"v\":2}",
        "0.002 c1 > HELLO {\"hostname\":\"{{hostname:1=box}}\",\"pid\":{{pid:1=7}},\"labels\":[\"java\"],\"v\":2}\\r\\n",
        "0.003 c1 < +OK",
        "0.010 c1 > FETCH default\\r\\n",
        "2.012 c1 < $-1",
        ""));
    try (ReplayFaktory replay = ReplayFaktory.builder(wait).manualClock().start();
        FaktoryClient worker = FaktoryClient.connect(replay.url().toString())) {
      Instant start = replay.now();
      CompletableFuture<Optional<Job>> fetched = CompletableFuture.supplyAsync(() -> worker.fetch("default"));
      awaitPlayed(replay, "FETCH");
      assertThat(fetched).isNotDone();
      replay.advance(Duration.ofSeconds(2));
      assertThat(fetched.join()).isEmpty();
      assertThat(replay.now()).isEqualTo(start.plusSeconds(2));
    }
  }

  /** Waits (up to 5 s of real time) until the replay has matched the recorded client frame starting {@code verb}. */
  private static void awaitPlayed(ReplayFaktory replay, String verb) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (replay.unplayed().stream().anyMatch(frame -> frame.contains("> " + verb))) {
      assertThat(System.nanoTime()).as("the replay matched " + verb + " in time").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void everyRecordingOf194ReplaysToItsOwnClientSide() {
    assertThat(replayAll(false)).isEmpty();
  }

  @Test
  void everyRecordingOf194ReplaysToItsClientSidePlayedOneThreadPerConnection() {
    assertThat(replayAll(true)).isEmpty();
  }

  private static List<String> replayAll(boolean concurrently) {
    List<String> failures = new ArrayList<>();
    for (Path file : Recordings.of("1.9.4")) {
      Transcript transcript = Recordings.read(file);
      try (ReplayFaktory replay = ReplayFaktory.builder(transcript).start()) {
        RecordedClient client = RecordedClient.of(transcript, replay.url()).password(Recordings.password(transcript));
        (concurrently ? client.concurrently() : client).play()
            .forEach(divergence -> failures.add(file.getFileName() + " " + divergence));
        replay.close();
        replay.mismatches().forEach(mismatch -> failures.add(file.getFileName() + " " + mismatch));
        replay.unplayed().forEach(frame -> failures.add(file.getFileName() + " unplayed " + frame));
      }
    }
    return failures;
  }
}
