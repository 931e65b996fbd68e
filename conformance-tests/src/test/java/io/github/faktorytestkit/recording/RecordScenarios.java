package io.github.faktorytestkit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The entry point of {@code scripts/record}, run through Failsafe with {@code -Dit.test=RecordScenarios} (its name
 * keeps it out of the normal test runs). System properties: {@code faktory.record.versions} (comma-separated),
 * {@code faktory.record.binaries} (the cache folder holding {@code faktory-<version>/faktory}),
 * {@code faktory.record.out} (where {@code faktory-<version>/} folders are written), optionally
 * {@code faktory.record.only} (record only the scenarios whose name contains it) and, for a check,
 * {@code faktory.record.compare} (the committed recordings the fresh ones must match).
 */
class RecordScenarios {

  @Test
  void recordEveryScenario() throws Exception {
    String versions = System.getProperty("faktory.record.versions");
    Assumptions.assumeTrue(versions != null, "faktory.record.versions not set: run scripts/record");
    Path out = Path.of(System.getProperty("faktory.record.out"));
    Recorder recorder = new Recorder(out, Path.of(System.getProperty("faktory.record.binaries")));
    List<String> selected = Arrays.stream(versions.split(",")).map(String::trim).toList();
    long start = System.nanoTime();
    String only = System.getProperty("faktory.record.only", "");
    List<Path> files = recorder.record(selected, only);
    System.out.printf("recorded %d transcripts (%d scenarios x %d versions) in %.1f s into %s%n", files.size(),
        Recorder.scenarios().size(), selected.size(), (System.nanoTime() - start) / 1e9, out);
    String compare = System.getProperty("faktory.record.compare");
    if (compare != null) {
      List<String> differences = RecordingChecks.differences(Path.of(compare), out, only.isEmpty());
      System.out.printf("compared %d transcripts with %s: %d differ other than in placeholder values%n",
          RecordingChecks.transcripts(out).size(), compare, differences.size());
      assertThat(differences).as("recordings that differ from " + compare).isEmpty();
    } else if (only.isEmpty()) {
      RecordingChanges.write(out);
    }
  }
}
