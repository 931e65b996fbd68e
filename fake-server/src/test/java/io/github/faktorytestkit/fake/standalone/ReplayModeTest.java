package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.replay.ReplayFaktory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplayModeTest {
  /** A hand-written recording: the project's client flushes. */
  static final Path RECORDING = Path.of("src/test/resources/replay/producer-flushes.txt");

  @Test
  void servesTheRecordingWhereFaktoryWouldAndReportsAPass() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReplayFaktory replay = ReplayMode.start(new String[] {RECORDING.toString(), "-b", "127.0.0.1:0", "-w",
        "127.0.0.1:0"}, new PrintStream(out, true, StandardCharsets.UTF_8));
    try (FaktoryClient client = FaktoryClient.connect(replay.url().toString())) {
      client.flush();
    }
    replay.close();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("I \\S+ PID \\d+ listening at 127\\.0\\.0\\.1:\\d+, press Ctrl-C to stop");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(ReplayMode.report(replay, new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Replay passed");
  }

  @Test
  void aClientThatStraysMakesTheReplayFailWithTheNearMissDiff() throws Exception {
    ReplayFaktory replay = ReplayMode.start(new String[] {RECORDING.toString(), "-b", "127.0.0.1:0"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (FaktoryClient client = FaktoryClient.connect(replay.url().toString())) {
      client.exchange("INFO");
    }
    replay.close();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(ReplayMode.report(replay, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected: c1 > FLUSH\\r\\n", "actual:   > INFO");
  }

  @Test
  void aMissingRecordingIsACommandLineMistake() {
    assertThatThrownBy(() -> ReplayMode.parse("-b", "127.0.0.1:0"))
        .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitStatus()).isEqualTo(2));
  }
}
