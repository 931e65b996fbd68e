package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.protocol.CommandLine;
import io.github.faktorytestkit.transcript.Template;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Builds the {@link Mismatch} of a client line no recorded frame matched, with its closest other candidate: a
 * recorded client frame not played yet with the same verb if there is one, the one at the smallest edit distance.
 */
final class NearMiss {
  private static final int MAX_COMPARED = 400;

  private NearMiss() {}

  /**
   * Returns the mismatch of {@code line} at {@code expected} (null when the recorded connection had ended) of
   * recorded connection {@code connection}; {@code others} are the recorded client frames not played yet.
   */
  static Mismatch of(String connection, int clientConnection, ReplayScript.Step expected, String line,
      String difference, Collection<ReplayScript.Step> others) {
    String wanted = expected == null ? "nothing (the recorded connection ended)" : expected.describe();
    int position = expected == null ? 0 : expected.position();
    String verb = CommandLine.verbOf(line);
    Optional<String> closest = others.stream().filter(step -> step != expected)
        .min(Comparator.comparing((ReplayScript.Step step) -> !verbOf(step).equals(verb))
            .thenComparingInt(step -> distance(FrameMatcher.recordedLine(step.frame().body()), line)))
        .map(step -> step.event().connection() + " frame " + step.position() + ": " + step.describe()
            + " (edit distance " + distance(FrameMatcher.recordedLine(step.frame().body()), line) + ")");
    return new Mismatch(connection, clientConnection, position, wanted, "> " + Template.literal(line), difference,
        closest);
  }

  private static String verbOf(ReplayScript.Step step) {
    return CommandLine.verbOf(FrameMatcher.recordedLine(step.frame().body()));
  }

  /** Returns the Levenshtein distance of the first {@value #MAX_COMPARED} characters of {@code a} and {@code b}. */
  static int distance(String a, String b) {
    String x = a.length() > MAX_COMPARED ? a.substring(0, MAX_COMPARED) : a;
    String y = b.length() > MAX_COMPARED ? b.substring(0, MAX_COMPARED) : b;
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
