package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private static final Path TRANSCRIPTS = Path.of("target", "wire-transcripts");

  @AcrossTargets
  void everyScriptGetsTheSameAnswersFromTheFakeAsFromRealFaktory(Target oracle) throws IOException {
    List<String> divergences = new ArrayList<>();
    List<String> expectedAll = new ArrayList<>();
    List<String> actualAll = new ArrayList<>();
    try (Target candidate = Targets.start(candidateKind(), null)) {
      for (WireScript script : SCRIPTS) {
        List<String> expected = script.transcript(oracle.url());
        List<String> actual = script.transcript(candidate.url());
        divergences.addAll(divergences(script, expected, actual));
        expectedAll.addAll(titled(script, expected));
        actualAll.addAll(titled(script, actual));
      }
      write(oracle.name(), expectedAll);
      write(candidate.name(), actualAll);
    }
    assertThat(divergences).as("lines answered differently (oracle first) of " + SCRIPTS.size() + " scripts")
        .isEmpty();
  }

  private static TargetKind candidateKind() {
    String kind = System.getProperty("faktory.wire.candidate", "fake");
    return TargetKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
  }

  private static List<String> divergences(WireScript script, List<String> expected, List<String> actual) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "<missing>";
      String got = i < actual.size() ? actual.get(i) : "<missing>";
      if (!want.equals(got)) {
        found.add("[" + script.name() + "]\n    real: " + want + "\n    fake: " + got);
      }
    }
    return found;
  }

  private static List<String> titled(WireScript script, List<String> transcript) {
    List<String> lines = new ArrayList<>();
    lines.add("== " + script.name());
    lines.addAll(transcript);
    return lines;
  }

  private static void write(String name, List<String> transcript) throws IOException {
    Files.createDirectories(TRANSCRIPTS);
    Files.write(TRANSCRIPTS.resolve(name + ".txt"), transcript);
  }
}
