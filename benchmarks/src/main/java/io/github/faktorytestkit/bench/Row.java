package io.github.faktorytestkit.bench;

/**
 * One line of the table: a figure, our samples, theirs (absent for a fixed limit), the ratio, the target and
 * whether the median met it.
 */
public record Row(String figure, String ours, String theirs, String ratio, String target, boolean met) {

  /** A time (lower is better): the ratio is their median over ours, met when at least {@code target}. */
  public static Row time(String figure, String unit, Samples ours, Samples theirs, double target) {
    return ratio(figure, unit, ours, theirs, theirs.median() / ours.median(), target);
  }

  /** A rate (higher is better): the ratio is our median over theirs, met when at least {@code target}. */
  public static Row rate(String figure, String unit, Samples ours, Samples theirs, double target) {
    return ratio(figure, unit, ours, theirs, ours.median() / theirs.median(), target);
  }

  /** A size (lower is better) against theirs: the ratio is ours over theirs, met when at most {@code limit}. */
  public static Row size(String figure, String unit, Samples ours, Samples theirs, double limit) {
    double ratio = ours.median() / theirs.median();
    return new Row(figure, ours.describe(1) + " " + unit, theirs.describe(1) + " " + unit,
        Samples.format(ratio, 2) + "×", "≤ " + Samples.format(limit, 1) + "×", ratio <= limit);
  }

  /** A figure of ours alone against a fixed limit, met when the median is at most {@code limit}. */
  public static Row atMost(String figure, String unit, Samples ours, double limit) {
    return new Row(figure, ours.describe(2) + " " + unit, "—", "—", "≤ " + Samples.format(limit, 2) + " " + unit,
        ours.median() <= limit);
  }

  private static Row ratio(String figure, String unit, Samples ours, Samples theirs, double ratio, double target) {
    int decimals = ours.median() >= 100 ? 0 : 2;
    return new Row(figure, ours.describe(decimals) + " " + unit, theirs.describe(decimals) + " " + unit,
        Samples.format(ratio, 2) + "×", "≥ " + Samples.format(target, 1) + "×", ratio >= target);
  }
}
