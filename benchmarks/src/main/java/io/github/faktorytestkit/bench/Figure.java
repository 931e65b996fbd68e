package io.github.faktorytestkit.bench;

import java.util.List;

/**
 * One measurement of {@code scripts/bench}: runs ours and theirs interleaved {@link Settings#runs()} times and
 * returns its rows. To add a figure, implement this and list it in {@link Bench#FIGURES}.
 */
public interface Figure {

  /** Measures and returns the rows of this figure. */
  List<Row> measure(Settings settings) throws Exception;

  /**
   * Runs {@code a} and {@code b} {@code runs} times, alternating which goes first, so that load from elsewhere on
   * the machine falls on both alike.
   */
  static void interleave(int runs, Step a, Step b) throws Exception {
    for (int i = 0; i < runs; i++) {
      if (i % 2 == 0) {
        a.run();
        b.run();
      } else {
        b.run();
        a.run();
      }
    }
  }

  /**
   * Runs every step {@code runs} times, each round starting one step later in the list, so that load from elsewhere
   * falls on all alike.
   */
  static void rotate(int runs, List<Step> steps) throws Exception {
    for (int i = 0; i < runs; i++) {
      for (int k = 0; k < steps.size(); k++) {
        steps.get((k + i) % steps.size()).run();
      }
    }
  }

  /** One measured run of one side. */
  @FunctionalInterface
  interface Step {
    /** Runs and records one sample. */
    void run() throws Exception;
  }
}
