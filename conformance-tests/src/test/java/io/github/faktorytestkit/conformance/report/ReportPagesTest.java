package io.github.faktorytestkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPagesTest {
  @TempDir
  Path folder;

  @Test
  void reportShowsTheMatrixSkipsAndDivergencesWithTheFirstDifferenceMarked() throws IOException {
    RunRecord run = new RunRecord("1.9.4", "2026-12-02T00:00:00Z", List.of(
        new RunRecord.Result("JobsIT.push", "fake", "passed", "", 5),
        new RunRecord.Result("JobsIT.push", "local", "failed", "expected: x", 7),
        new RunRecord.Result("JobsIT.push", "container", "skipped", "no Docker engine answers", 0)),
        List.of(new Findings.PropertyRun("FramingPropertiesIT.split", "local", 150, 150)),
        List.of(new Findings.Divergence("WireDifferentialIT.all", "local", "script info",
            List.of("INFO => $a<b"), List.of("INFO => $a>b"), "")));

    Path html = ReportPages.write(folder, List.of(run));

    String page = Files.readString(html);
    assertThat(page).contains("<td>JobsIT.push</td><td>✔</td><td>✘</td><td>–</td>")
        .contains("no Docker engine answers").contains("<td>150</td>")
        .contains("INFO =&gt; $a<mark>&lt;</mark>b").contains("INFO =&gt; $a<mark>&gt;</mark>b");
    assertThat(Files.readString(folder.resolve("report.md"))).contains("| JobsIT.push | ✔ | ✘ | – |")
        .contains("- real: INFO => $a<b").contains("^ first difference");
    assertThat(Files.readString(folder.resolve("summary.txt"))).contains("divergences found: 1")
        .contains("local").contains("1 failed");
  }

  @Test
  void runsOfSeveralVersionsGetAColumnEach() throws IOException {
    RunRecord old = new RunRecord("1.8.0", "t", List.of(new RunRecord.Result("AdminIT.latency", "local", "n/a",
        "not in this version: QUEUE LATENCY arrived in 1.9.2 (this is 1.8.0)", 0)), List.of(), List.of());
    RunRecord current = new RunRecord("1.9.4", "t", List.of(new RunRecord.Result("AdminIT.latency", "local",
        "passed", "", 1)), List.of(), List.of());
    old.write(folder);
    current.write(folder);

    ReportPages.write(folder, RunRecord.readAll(folder));

    assertThat(Files.readString(folder.resolve("report.md"))).contains("| scenario | local 1.8.0 | local 1.9.4 |")
        .contains("| AdminIT.latency | n/a | ✔ |").contains("QUEUE LATENCY arrived in 1.9.2");
  }
}
