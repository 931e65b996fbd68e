package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sends a random sequence's replay file again ({@code -Dfaktory.differential.replay=target/conformance/replays/
 * r0000042.txt}), to real Faktory and a fresh fake, and prints both transcripts: the way to look at a divergence
 * {@link DifferentialProperties} found. Not an {@code *IT}, so that a normal run does not list it as skipped: run it
 * with {@code -Dit.test=DifferentialReplay}; it needs the property set.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@EnabledIfSystemProperty(named = DifferentialReplay.PROPERTY, matches = ".+")
@TargetDefaults(kinds = {TargetKind.LOCAL, TargetKind.CONTAINER, TargetKind.URL})
class DifferentialReplay {
  static final String PROPERTY = "faktory.differential.replay";

  @AcrossTargets
  void replayedSequenceGetsTheSameAnswersFromTheFake(Target real) {
    SequenceReplay replay = SequenceReplay.read(Path.of(System.getProperty(PROPERTY)));
    try (Target fake = Targets.start(TargetKind.FAKE, null)) {
      SequenceRun run = SequenceRun.run(replay.steps(), replay.prefix(), real, fake);
      System.out.println("--- real ---\n" + String.join("\n", run.oracleTranscript()) + "\n--- fake ---\n"
          + String.join("\n", run.fakeTranscript()));
      assertThat(run.fakeTranscript()).isEqualTo(run.oracleTranscript());
    }
  }
}
