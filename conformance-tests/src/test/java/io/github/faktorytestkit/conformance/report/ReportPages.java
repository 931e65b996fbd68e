package io.github.faktorytestkit.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes {@code report.md} and {@code report.html} (static, no scripts, opens from the file system) for the runs of
 * one report folder: a summary per target and version, the scenario by target (by version) matrix, the property
 * tries, every divergence with both servers' frames side by side and the first difference marked, what failed,
 * what was skipped and why, and the fake's known differences with their reasons.
 */
final class ReportPages {
  private static final List<String> TARGET_ORDER = List.of("fake", "local", "container", "url", "other");

  private ReportPages() {}

  /** Writes both pages into {@code directory}; returns the HTML page's path. */
  static Path write(Path directory, List<RunRecord> runs) {
    List<Column> columns = columns(runs);
    Map<String, Map<Column, String>> matrix = matrix(runs);
    Page md = new Page.Markdown();
    Page html = new Page.Html();
    for (Page page : List.of(md, html)) {
      render(page, runs, columns, matrix);
    }
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("summary.txt"), summary(runs, columns));
      Files.writeString(directory.resolve("report.md"), md.text());
      return Files.writeString(directory.resolve("report.html"), html.text());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + directory, e);
    }
  }

  /** The few lines the scripts print at the end: counts per target, divergences, property tries. */
  private static String summary(List<RunRecord> runs, List<Column> columns) {
    boolean versions = runs.size() > 1;
    StringBuilder text = new StringBuilder();
    for (Column column : columns) {
      text.append(String.format("  %-18s %s%n", column.title(versions),
          ConformanceListener.counts(resultsOf(runs, column))));
    }
    for (RunRecord run : runs) {
      for (Findings.PropertyRun property : run.properties()) {
        text.append(String.format("  property %s on %s%s: %d tries%n", property.scenario(), property.target(),
            versions ? " " + run.version() : "", property.tries()));
      }
    }
    long divergences = runs.stream().mapToLong(run -> run.divergences().size()).sum();
    text.append("  divergences found: ").append(divergences).append('\n');
    return text.toString();
  }

  /** One matrix column: a target in the run of one version. */
  record Column(String version, String target) {
    String title(boolean withVersion) {
      return withVersion ? target + " " + version : target;
    }
  }

  private static void render(Page page, List<RunRecord> runs, List<Column> columns,
      Map<String, Map<Column, String>> matrix) {
    boolean versions = runs.size() > 1;
    page.heading(1, "Faktory conformance report");
    page.paragraph("Faktory " + runs.stream().map(RunRecord::version).collect(Collectors.joining(", "))
        + "; the fake is the twin of 1.9.4. Finished " + runs.get(runs.size() - 1).finished() + ". "
        + "Each scenario runs on every target: fake (in-process fake), local (a faktory process), container "
        + "(Faktory in Docker), url (a server named with -Dfaktory.testkit.url). Legend: ✔ passed, ✘ failed, "
        + "– skipped (see below), n/a not in this version.");
    page.heading(2, "Summary per target");
    List<List<String>> summary = new ArrayList<>();
    for (Column column : columns) {
      List<RunRecord.Result> results = resultsOf(runs, column);
      summary.add(List.of(column.title(versions), String.valueOf(results.size()), count(results, "passed"),
          count(results, "failed"), count(results, "skipped"), count(results, "n/a"),
          String.format("%.1f s", results.stream().mapToLong(RunRecord.Result::millis).sum() / 1000.0)));
    }
    page.table(List.of("target", "runs", "passed", "failed", "skipped", "n/a", "time"), summary);
    page.heading(2, "Scenarios × targets");
    List<String> header = new ArrayList<>(List.of("scenario"));
    columns.forEach(column -> header.add(column.title(versions)));
    List<List<String>> rows = new ArrayList<>();
    matrix.forEach((scenario, cells) -> {
      List<String> row = new ArrayList<>(List.of(scenario));
      columns.forEach(column -> row.add(cells.getOrDefault(column, "")));
      rows.add(row);
    });
    page.table(header, rows);
    properties(page, runs, versions);
    divergences(page, runs, versions);
    problems(page, runs, versions, "failed", "Failures");
    problems(page, runs, versions, "skipped", "Skipped, and why");
    problems(page, runs, versions, "n/a", "Not in this version");
    page.heading(2, "Known differences of the fake (fake-server/KNOWN-DIFFERENCES.md)");
    KnownDifferences.render(page);
  }

  private static void properties(Page page, List<RunRecord> runs, boolean versions) {
    page.heading(2, "Property tries");
    List<List<String>> rows = new ArrayList<>();
    for (RunRecord run : runs) {
      for (Findings.PropertyRun property : run.properties()) {
        rows.add(List.of(property.scenario(), versions ? property.target() + " " + run.version() : property.target(),
            String.valueOf(property.tries()), String.valueOf(property.checks())));
      }
    }
    page.table(List.of("property", "target", "tries", "checks"), rows);
  }

  private static void divergences(Page page, List<RunRecord> runs, boolean versions) {
    page.heading(2, "Divergences");
    int found = 0;
    for (RunRecord run : runs) {
      for (Findings.Divergence divergence : run.divergences()) {
        found++;
        page.heading(3, divergence.scenario() + " on " + divergence.target() + (versions ? " " + run.version() : "")
            + ": " + divergence.title());
        page.sideBySide(divergence.real(), divergence.fake());
        if (!divergence.replay().isEmpty()) {
          page.paragraph("Replay: " + divergence.replay());
        }
      }
    }
    if (found == 0) {
      page.paragraph("None: every comparison of the fake with real Faktory agreed.");
    }
  }

  private static void problems(Page page, List<RunRecord> runs, boolean versions, String status, String title) {
    Map<String, Integer> grouped = new TreeMap<>();
    for (RunRecord run : runs) {
      for (RunRecord.Result result : run.results()) {
        if (result.status().equals(status)) {
          String where = versions ? result.target() + " " + run.version() : result.target();
          String key = status.equals("failed") ? where + " | " + result.scenario() + " | " + result.reason()
              : where + " | " + result.reason();
          grouped.merge(key, 1, Integer::sum);
        }
      }
    }
    page.heading(2, title);
    if (grouped.isEmpty()) {
      page.paragraph("None.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    grouped.forEach((key, n) -> {
      List<String> row = new ArrayList<>(List.of(key.split(" \\| ", -1)));
      row.add(String.valueOf(n));
      rows.add(row);
    });
    page.table(status.equals("failed") ? List.of("target", "scenario", "message", "runs")
        : List.of("target", "reason", "runs"), rows);
  }

  private static List<Column> columns(List<RunRecord> runs) {
    List<Column> columns = new ArrayList<>();
    for (RunRecord run : runs) {
      TreeSet<String> targets = run.results().stream().map(RunRecord.Result::target)
          .collect(Collectors.toCollection(() -> new TreeSet<>(
              (a, b) -> Integer.compare(TARGET_ORDER.indexOf(a), TARGET_ORDER.indexOf(b)))));
      targets.forEach(target -> columns.add(new Column(run.version(), target)));
    }
    return columns;
  }

  private static Map<String, Map<Column, String>> matrix(List<RunRecord> runs) {
    Map<String, Map<Column, List<String>>> statuses = new TreeMap<>();
    for (RunRecord run : runs) {
      for (RunRecord.Result result : run.results()) {
        statuses.computeIfAbsent(result.scenario(), s -> new LinkedHashMap<>())
            .computeIfAbsent(new Column(run.version(), result.target()), c -> new ArrayList<>()).add(result.status());
      }
    }
    Map<String, Map<Column, String>> matrix = new TreeMap<>();
    statuses.forEach((scenario, cells) -> {
      Map<Column, String> row = new LinkedHashMap<>();
      cells.forEach((column, list) -> row.put(column, cell(list)));
      matrix.put(scenario, row);
    });
    return matrix;
  }

  private static String cell(List<String> statuses) {
    if (statuses.contains("failed")) {
      return "✘";
    }
    if (statuses.contains("passed")) {
      return "✔";
    }
    return statuses.contains("skipped") ? "–" : "n/a";
  }

  private static List<RunRecord.Result> resultsOf(List<RunRecord> runs, Column column) {
    return runs.stream().filter(run -> run.version().equals(column.version()))
        .flatMap(run -> run.results().stream()).filter(result -> result.target().equals(column.target())).toList();
  }

  private static String count(List<RunRecord.Result> results, String status) {
    return String.valueOf(results.stream().filter(result -> result.status().equals(status)).count());
  }
}
