package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The wire-level differential check: every script of {@code wire-scripts.txt} (bad input of every kind included)
 * goes to a fresh fake and to real Faktory, and the normalised transcripts must be equal line by line. Both
 * transcripts are written to {@code target/wire-transcripts/} for inspection. {@code -Dfaktory.wire.candidate=
 * container} compares another real target instead of the fake: a check that the normaliser hides only what is
 * inherently variable.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TargetDefaults(kinds = {TargetKind.LOCAL, TargetKind.URL})
class WireDifferentialIT {
  private static final List<WireScript> SCRIPTS = WireScripts.load("/wire-scripts.txt");

  @AcrossTargets
  void everyScriptGetsTheSameAnswersFromTheFakeAsFromRealFaktory(Target oracle) {
    List<String> expected;
    List<String> actual;
    try (Target candidate = Targets.start(candidateKind(), null)) {
      expected = WireScripts.transcripts(SCRIPTS, oracle.url(), oracle.name() + ".txt");
      actual = WireScripts.transcripts(SCRIPTS, candidate.url(), candidate.name() + ".txt");
    }
    assertThat(divergences(expected, actual))
        .as("lines answered differently in " + SCRIPTS.size() + " scripts (see target/wire-transcripts)")
        .isEmpty();
  }

  private static TargetKind candidateKind() {
    return TargetKind.valueOf(System.getProperty("faktory.wire.candidate", "fake").toUpperCase(Locale.ROOT));
  }

  /** Returns each line that differs, with the title of its script, the oracle's answer first. */
  private static List<String> divergences(List<String> expected, List<String> actual) {
    List<String> found = new ArrayList<>();
    String script = "";
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "<missing>";
      String got = i < actual.size() ? actual.get(i) : "<missing>";
      script = want.startsWith(WireScripts.TITLE) ? want : script;
      if (!want.equals(got)) {
        found.add(script + "\n    real: " + want + "\n    fake: " + got);
      }
    }
    return found;
  }
}
