package io.github.faktorytestkit.conformance;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random command sequences over up to three connections ({@link RandomCommands}: pushes of generated jobs, fetches,
 * acks, fails, beats, mutates, queue commands, flushes, bad input), each run on the group's real target and on a
 * fake of its own ({@link SequenceRun}); the answers must be equal line by line. A divergence shrinks to the
 * shortest sequence and fails with both transcripts and a replay ({@link SequenceReplay}). Tries: 1000, or
 * {@code -Dfaktory.differential.sequences} ({@code scripts/conformance --deep}: 20000).
 */
@Requires(FaktoryFeature.WIRE_OF_1_9_4)
abstract class DifferentialProperties extends OnTarget {
  /** The scenario's name in reports. */
  static final String SCENARIO = "DifferentialPropertiesIT.randomSequences";

  @Property(tries = 1000)
  @TriesFrom("faktory.differential.sequences")
  void randomSequencesGetTheSameAnswersFromTheFake(@ForAll("sequences") List<SequenceStep> steps) {
    SequenceRun.run(steps, null, target(), counterpart()).failIfDiverged(SCENARIO, target(), steps);
  }

  @Provide
  Arbitrary<List<SequenceStep>> sequences() {
    Arbitrary<Integer> connection = Arbitraries.integers().between(1, SequenceStep.CONNECTIONS);
    return Combinators.combine(connection, RandomCommands.any()).as(SequenceStep::new)
        .list().ofMinSize(1).ofMaxSize(16);
  }
}
