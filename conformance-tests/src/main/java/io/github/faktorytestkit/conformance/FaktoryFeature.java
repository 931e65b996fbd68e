package io.github.faktorytestkit.conformance;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What a scenario needs of the server that not every Faktory release has, with the release it arrived in: the one
 * place the conformance suite knows about versions. A scenario marked {@link Requires} shows "not in this version"
 * on an older real server instead of failing; the fake is always 1.9.4's twin.
 */
public enum FaktoryFeature {
  /** INFO's {@code faktory.sets} (sizes of scheduled, retries, dead and working). */
  INFO_SETS("1.9.0", "INFO's sets"),
  /** {@code QUEUE LATENCY}. */
  QUEUE_LATENCY("1.9.2", "QUEUE LATENCY"),
  /** The wire of 1.9.4 exactly, for the differential checks that compare it with the fake line by line. */
  WIRE_OF_1_9_4("1.9.4", "the wire of 1.9.4 (the fake's twin)");

  private final String since;
  private final String description;

  FaktoryFeature(String since, String description) {
    this.since = since;
    this.description = description;
  }

  /** Returns the first release that has it. */
  public String since() {
    return since;
  }

  /** Returns whether Faktory {@code version} has it. */
  public boolean in(String version) {
    return compareVersions(version, since) >= 0;
  }

  /** Returns why a scenario needing this does not run on {@code version}. */
  public String notIn(String version) {
    return "not in this version: " + description + " arrived in " + since + " (this is " + version + ")";
  }

  /** Compares dotted release numbers numerically, {@code 1.9.10} after {@code 1.9.4}. */
  public static int compareVersions(String a, String b) {
    Comparator<int[]> numeric = Arrays::compare;
    return numeric.compare(parts(a), parts(b));
  }

  private static int[] parts(String version) {
    return Arrays.stream(version.split("\\.")).mapToInt(part -> Integer.parseInt(part.replaceAll("\\D.*", "")))
        .toArray();
  }
}
