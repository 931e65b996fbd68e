package io.github.faktorytestkit.conformance.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scenarios found besides pass and fail, collected for the report in this
 * JVM: the tries of each property run, and for each scenario and target its divergence (the shortest one seen: a
 * shrunk sequence wins over the original). Thread-safe.
 */
public final class Findings {
  private static final Map<String, PropertyRun> RUNS = new LinkedHashMap<>();
  private static final Map<String, Divergence> DIVERGENCES = new LinkedHashMap<>();

  private Findings() {}

  /**
   * The tries of one property on one target.
   *
   * @param scenario the property, {@code Class.method}
   * @param target the target's name
   * @param tries the tries run
   * @param checks the tries that were checked (not discarded)
   */
  public record PropertyRun(String scenario, String target, int tries, int checks) {}

  /**
   * Two servers' answers to the same input, the real one first.
   *
   * @param scenario the scenario, {@code Class.method}
   * @param target the real target's name
   * @param title what was sent, e.g. a script's name
   * @param real the real server's transcript
   * @param fake the fake's transcript
   * @param replay how to send the same input again, or empty
   */
  public record Divergence(String scenario, String target, String title, List<String> real, List<String> fake,
      String replay) {
    /** Creates the divergence with copies of the transcripts. */
    public Divergence {
      real = List.copyOf(real);
      fake = List.copyOf(fake);
    }
  }

  /** Records a property's tries on a target; a later run of the same property and target adds up. */
  public static synchronized void propertyRun(String scenario, String target, int tries, int checks) {
    RUNS.merge(scenario + " " + target, new PropertyRun(scenario, target, tries, checks),
        (a, b) -> new PropertyRun(scenario, target, a.tries() + b.tries(), a.checks() + b.checks()));
  }

  /**
   * Records a divergence; of several with the same scenario, target and title (e.g. a random sequence and its
   * shrunk forms), the one with the shortest transcript stays.
   */
  public static synchronized void divergence(String scenario, String target, String title, List<String> real,
      List<String> fake, String replay) {
    Divergence found = new Divergence(scenario, target, title, real, fake, replay);
    DIVERGENCES.merge(scenario + " " + target + " " + title, found, (a, b) -> b.real().size() < a.real().size() ? b : a);
  }

  /** Returns the property runs recorded so far. */
  public static synchronized List<PropertyRun> propertyRuns() {
    return new ArrayList<>(RUNS.values());
  }

  /** Returns the divergences recorded so far. */
  public static synchronized List<Divergence> divergences() {
    return new ArrayList<>(DIVERGENCES.values());
  }
}
