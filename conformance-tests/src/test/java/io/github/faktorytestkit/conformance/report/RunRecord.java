package io.github.faktorytestkit.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.github.faktorytestkit.conformance.FaktoryFeature;
import java.util.stream.Stream;

/**
 * The results of one conformance run against one Faktory version, as written to {@code runs/<version>.json} next to
 * the report, so that a version matrix ({@code scripts/conformance --versions}) collects one file per version.
 *
 * @param version the Faktory version of the real targets
 * @param finished when the run ended, ISO-8601
 * @param results one per test run
 * @param properties the tries of each property run
 * @param divergences what the differential scenarios found
 */
record RunRecord(String version, String finished, List<Result> results, List<Findings.PropertyRun> properties,
    List<Findings.Divergence> divergences) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One test run.
   *
   * @param scenario {@code Class.method}
   * @param target the target's name, or {@code other} for a test not run per target
   * @param status passed, failed, skipped or n/a (not in this version)
   * @param reason why it failed or was skipped, or empty
   * @param millis how long it took
   */
  record Result(String scenario, String target, String status, String reason, long millis) {}

  /** Writes the record to {@code runs/<version>.json} under {@code directory}. */
  void write(Path directory) {
    try {
      Path runs = Files.createDirectories(directory.resolve("runs"));
      JSON.writerWithDefaultPrettyPrinter().writeValue(runs.resolve(version + ".json").toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run record under " + directory, e);
    }
  }

  /** Reads every run record under {@code directory}, oldest version first. */
  static List<RunRecord> readAll(Path directory) {
    Path runs = directory.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runs)) {
      List<RunRecord> records = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        records.add(JSON.readValue(file.toFile(), RunRecord.class));
      }
      records.sort((a, b) -> FaktoryFeature.compareVersions(a.version(), b.version()));
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run records in " + runs, e);
    }
  }
}
