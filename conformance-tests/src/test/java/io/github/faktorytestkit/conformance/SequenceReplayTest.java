package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceReplayTest {
  @TempDir
  Path folder;

  @Test
  void aReplayFileGivesBackItsPrefixAndSteps() throws IOException {
    Path file = Files.writeString(folder.resolve("r1.txt"), "prefix r0000007\nc1 PUSH {\"jid\":\"a b\"}\nc3 INFO\n");
    SequenceReplay replay = SequenceReplay.read(file);
    assertThat(replay.prefix()).isEqualTo("r0000007");
    assertThat(replay.steps()).containsExactly(new SequenceStep(1, "PUSH {\"jid\":\"a b\"}"),
        new SequenceStep(3, "INFO"));
  }

  @Test
  void aStepOnAnUnknownConnectionIsRefused() throws IOException {
    Path file = Files.writeString(folder.resolve("r2.txt"), "prefix r1\nc4 INFO\n");
    assertThatThrownBy(() -> SequenceReplay.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c4 INFO (expected: c<1-3> <command line>)");
  }
}
