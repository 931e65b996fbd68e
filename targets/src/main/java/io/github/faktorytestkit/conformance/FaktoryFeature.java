package io.github.faktorytestkit.conformance;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Assumptions;

/**
 * What a scenario needs of the server that not every Faktory release has, with the release it arrived in: the one
 * place the conformance suite knows about versions. A scenario marked {@link Requires} shows "not in this version"
 * on an older real server instead of failing; the fake is always 1.9.4's twin.
 */
public enum FaktoryFeature {
  /** INFO's {@code faktory.sets} (sizes of scheduled, retries, dead and working). */
  INFO_SETS("1.9.0", "INFO's sets"),
  /** TLS on the protocol port when the config directory holds PEM files. */
  TLS("1.9.0", "TLS (PEM files in the config directory)"),
  /** {@code QUEUE LATENCY}. */
  QUEUE_LATENCY("1.9.2", "QUEUE LATENCY"),
  /** {@code -ERR no such QUEUE subcommand} (before: {@code +OK} for any subcommand). */
  QUEUE_SUBCOMMAND_ERROR("1.9.2", "the error for an unknown QUEUE subcommand"),
  /** MUTATE's {@code jids} filter taking precedence over {@code jobtype} and {@code regexp}. */
  MUTATE_JIDS_FIRST("1.9.2", "MUTATE's jids filter overriding jobtype and regexp"),
  /** The Web UI's {@code POST /busy} without a CSRF token (before: 400 Bad Request without one). */
  WEB_SIGNAL_WITHOUT_CSRF("1.9.4", "POST /busy without a CSRF token"),
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

  /**
   * Skips the current test as "not in this version" when {@code version} lacks this: for tests that are not
   * {@link AcrossTargets} scenarios.
   *
   * @throws org.opentest4j.TestAbortedException when {@code version} lacks it
   */
  public void assumeIn(String version) {
    if (!in(version)) {
      Assumptions.abort(notIn(version));
    }
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
