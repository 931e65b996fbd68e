package io.github.faktorytestkit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.transcript.Transcript;
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
