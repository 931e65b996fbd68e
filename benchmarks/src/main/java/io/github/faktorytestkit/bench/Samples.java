package io.github.faktorytestkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The values one side of a figure gave over the interleaved runs; the table shows the median and the range. */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  /** Adds one run's value. */
  public void add(double value) {
    values.add(value);
  }

  /** Returns the median (the mean of the middle two for an even count). */
  public double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Returns {@code median [min–max]} with the given decimals, or just the value for one run. */
  public String describe(int decimals) {
    List<Double> sorted = sorted();
    String median = format(median(), decimals);
    if (sorted.size() < 2) {
      return median;
    }
    return median + " [" + format(sorted.get(0), decimals) + "–" + format(sorted.get(sorted.size() - 1), decimals)
        + "]";
  }

  private List<Double> sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("samples: none (expected: at least one run)");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  static String format(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value);
  }
}
