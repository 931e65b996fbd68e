package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The wire-level differential check: every script of {@code wire-scripts.txt} (bad input of every kind included)
 * goes to a fresh fake and to real Faktory, and the normalised transcripts must be equal line by line. Each
 * script's frames on each target are written, normalised, to {@code target/wire-transcripts/<target>/<script>.txt}
 * (the format of {@code recordings/README.md}) for inspection. {@code -Dfaktory.wire.candidate=
 * container} compares another real target instead of the fake: a check that the normaliser hides only what is
 * inherently variable.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@Requires(FaktoryFeature.WIRE_OF_1_9_4)
@TargetDefaults(kinds = {TargetKind.LOCAL, TargetKind.CONTAINER, TargetKind.URL})
class WireDifferentialIT {
  private static final List<WireScript> SCRIPTS = WireScripts.load("/wire-scripts.txt");

  @AcrossTargets
  void everyScriptGetsTheSameAnswersFromTheFakeAsFromRealFaktory(Target oracle) {
    List<String> expected;
    List<String> actual;
    try (Target candidate = Targets.start(candidateKind(), null)) {
      expected = WireScripts.transcripts(SCRIPTS, oracle.url(), WireScripts.server(oracle), oracle.name());
      actual = WireScripts.transcripts(SCRIPTS, candidate.url(), WireScripts.server(candidate), candidate.name());
    }
    WireScripts.report(getClass().getSimpleName(), oracle.name(), expected, actual);
    assertThat(WireScripts.divergences(expected, actual))
        .as("lines answered differently in " + SCRIPTS.size() + " scripts (see target/wire-transcripts)")
        .isEmpty();
  }

  private static TargetKind candidateKind() {
    return TargetKind.valueOf(System.getProperty("faktory.wire.candidate", "fake").toUpperCase(Locale.ROOT));
  }
}
