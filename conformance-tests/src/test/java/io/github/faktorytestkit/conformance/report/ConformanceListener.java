package io.github.faktorytestkit.conformance.report;

import io.github.faktorytestkit.real.RealTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Follows a conformance run (registered through {@code META-INF/services}; active only when
 * {@code -D}{@value #DIRECTORY_PROPERTY} names the report's folder, as the Failsafe run sets it): prints one progress
 * line per scenario class and target with a running count, and at the end writes this run's record
 * ({@link RunRecord}) and the report ({@link ReportPages}) over every run recorded in the folder.
 */
public final class ConformanceListener implements TestExecutionListener {
  /** The system property naming the report's folder. */
  public static final String DIRECTORY_PROPERTY = "faktory.conformance.report";
  private static final Set<String> TARGETS = Set.of("fake", "local", "container", "url");

  private final Map<String, Instant> started = new ConcurrentHashMap<>();
  private final List<RunRecord.Result> results = new ArrayList<>();
  private TestPlan plan;
  private int done;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    started.put(test.getUniqueId(), Instant.now());
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (!enabled()) {
      return;
    }
    List<TestIdentifier> tests = test.isTest() ? List.of(test) : List.copyOf(plan.getDescendants(test));
    tests.stream().filter(TestIdentifier::isTest).forEach(t -> add(t, skippedStatus(reason), reason, 0));
    if (isTopClass(test)) {
      progress(test);
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!enabled()) {
      return;
    }
    if (test.isTest()) {
      long millis = Duration.between(started.getOrDefault(test.getUniqueId(), Instant.now()), Instant.now())
          .toMillis();
      String reason = result.getThrowable().map(ConformanceListener::firstLine).orElse("");
      String status = switch (result.getStatus()) {
        case SUCCESSFUL -> "passed";
        case ABORTED -> skippedStatus(reason);
        case FAILED -> "failed";
      };
      add(test, status, reason, millis);
    } else if (isTopClass(test)) {
      progress(test);
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!enabled() || results.isEmpty()) {
      return;
    }
    Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY));
    RunRecord run;
    synchronized (this) {
      run = new RunRecord(RealTargets.version(), Instant.now().toString(), List.copyOf(results),
          Findings.propertyRuns(), Findings.divergences());
    }
    run.write(directory);
    Path page = ReportPages.write(directory, RunRecord.readAll(directory));
    Progress.line("[conformance] report: " + page.toAbsolutePath().normalize());
  }

  private static boolean enabled() {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    return directory != null && !directory.isBlank();
  }

  private static String skippedStatus(String reason) {
    return reason != null && reason.startsWith("not in this version") ? "n/a" : "skipped";
  }

  private synchronized void add(TestIdentifier test, String status, String reason, long millis) {
    results.add(new RunRecord.Result(scenario(test), target(test), status, reason == null ? "" : reason, millis));
  }

  /** Prints, for a finished class, one line per target: its counts, and the tests done so far. */
  private synchronized void progress(TestIdentifier classTest) {
    String name = simpleName(classTest);
    Map<String, List<RunRecord.Result>> byTarget = results.stream()
        .filter(r -> r.scenario().startsWith(name + "."))
        .collect(Collectors.groupingBy(RunRecord.Result::target, TreeMap::new, Collectors.toList()));
    done = results.size();
    byTarget.forEach((target, runs) -> Progress.line(String.format("[conformance] %4d tests done | %-28s %-9s %s",
        done, name, target, counts(runs))));
  }

  static String counts(List<RunRecord.Result> runs) {
    Map<String, Long> byStatus = runs.stream()
        .collect(Collectors.groupingBy(RunRecord.Result::status, TreeMap::new, Collectors.counting()));
    long millis = runs.stream().mapToLong(RunRecord.Result::millis).sum();
    return byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", ")) + String.format(" (%.1f s)", millis / 1000.0);
  }

  private boolean isTopClass(TestIdentifier test) {
    return test.getSource().filter(ClassSource.class::isInstance).isPresent()
        && plan.getParent(test).flatMap(TestIdentifier::getSource).filter(ClassSource.class::isInstance).isEmpty();
  }

  private String scenario(TestIdentifier test) {
    String method = test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
        .or(() -> ancestor(test, MethodSource.class).map(s -> ((MethodSource) s).getMethodName()))
        .orElse(test.getDisplayName());
    String type = test.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName())
        .or(() -> ancestor(test, ClassSource.class).map(s -> ((ClassSource) s).getClassName()))
        .or(() -> test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getClassName()))
        .orElse("?");
    return topName(type) + "." + method;
  }

  private String target(TestIdentifier test) {
    for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
      if (TARGETS.contains(at.get().getDisplayName())) {
        return at.get().getDisplayName();
      }
    }
    return "other";
  }

  private <S> Optional<Object> ancestor(TestIdentifier test, Class<S> type) {
    for (Optional<TestIdentifier> at = plan.getParent(test); at.isPresent(); at = plan.getParent(at.get())) {
      Optional<Object> source = at.get().getSource().filter(type::isInstance).map(Object.class::cast);
      if (source.isPresent()) {
        return source;
      }
    }
    return Optional.empty();
  }

  private static String simpleName(TestIdentifier classTest) {
    return topName(((ClassSource) classTest.getSource().orElseThrow()).getClassName());
  }

  private static String topName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
  }

  private static String firstLine(Throwable thrown) {
    String message = String.valueOf(thrown.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
