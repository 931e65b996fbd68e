package io.github.faktorytestkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The harness behind {@code scripts/bench}: measures every {@link Figure} side by side and prints one table (figure,
 * ours, theirs, ratio, target, met) with the machine and the date. Settings come as system properties (see
 * {@link Settings}); {@code bench.only} limits the run to the figures whose class name starts with one of its
 * comma-separated names ({@code Rss} is {@link RssFigure}, not {@link HostileRssFigure}).
 */
public final class Bench {
  /** Every figure, in the order of the table. */
  static final List<Figure> FIGURES = List.of(
      new StartupFigure(), new ThroughputFigure(), new OneLineFigure(), new HeapFigure(), new RssFigure(),
      new HostileRssFigure());

  private Bench() {}

  /** Runs the figures and prints the table; exits 0 whether or not targets were met (this is not a test). */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    String only = System.getProperty("bench.only", "");
    String machine = Machine.describe();
    List<Row> rows = new ArrayList<>();
    for (Figure figure : FIGURES) {
      if (selected(figure, only)) {
        long start = System.nanoTime();
        List<Row> measured = figure.measure(settings);
        System.err.printf("==> %s: %.1f s%n", figure.getClass().getSimpleName(), (System.nanoTime() - start) / 1e9);
        measured.forEach(row -> System.err.println("    " + row));
        rows.addAll(measured);
      }
    }
    System.out.println();
    System.out.println(Table.markdown(rows));
    System.out.println();
    System.out.println("Medians of " + settings.runs() + " interleaved run(s) per side, [min–max]; ratio > 1 means"
        + " the fake is better. Machine: " + machine + ".");
  }

  /** Whether {@code only} (comma-separated class-name prefixes; empty: all) selects {@code figure}. */
  private static boolean selected(Figure figure, String only) {
    String name = figure.getClass().getSimpleName();
    return only.isEmpty() || List.of(only.split(",")).stream().anyMatch(name::startsWith);
  }
}
