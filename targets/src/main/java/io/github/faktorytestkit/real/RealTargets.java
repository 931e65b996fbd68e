package io.github.faktorytestkit.real;

import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Answers which real Faktory targets this machine offers: a local process ({@link LocalFaktory}) and a container
 * ({@link FaktoryContainer}). Call a {@code require...} method first in a test (or in {@code @BeforeAll}).
 *
 * <p>When a target is missing the test is aborted (skipped) with a loud reason, also printed to standard error.
 * With {@code -Dfaktory.real.required=true}, as CI runs, the test fails instead: there every real target must be
 * available. Thread-safe.
 */
public final class RealTargets {
  /** The system property that turns a missing real target from a skip into a failure. */
  public static final String REQUIRED_PROPERTY = "faktory.real.required";

  private RealTargets() {}

  /** Returns whether a missing real target fails the test ({@code -Dfaktory.real.required=true}). */
  public static boolean required() {
    return Boolean.getBoolean(REQUIRED_PROPERTY);
  }

  /**
   * Returns the Faktory version the real targets run and the fake mirrors: {@code -Dfaktory.version}, else
   * {@code FAKTORY_VERSION}, else 1.9.4.
   */
  public static String version() {
    return FaktoryBinary.targetVersion();
  }

  /**
   * Returns the faktory binary {@link LocalFaktory} will run, after checking that {@code redis-server} is on
   * {@code PATH} too.
   *
   * @throws org.opentest4j.TestAbortedException when either is missing and real targets are not required
   * @throws org.opentest4j.AssertionFailedError when either is missing and real targets are required
   */
  public static Path requireLocalFaktory() {
    Path binary = FaktoryBinary.find().orElse(null);
    if (binary == null) {
      unavailable("local Faktory process", "no faktory binary at any of " + FaktoryBinary.candidates()
          + "; run scripts/provision-faktory or set FAKTORY_BIN");
    }
    if (FaktoryBinary.onPath("redis-server").isEmpty()) {
      unavailable("local Faktory process", "redis-server is not on PATH; run scripts/provision-faktory");
    }
    return binary;
  }

  /**
   * Returns Faktory's Go load tester ({@code load}, built by {@code scripts/provision-faktory} next to the faktory
   * binary): next to {@code FAKTORY_BIN}, else in the provisioning cache.
   *
   * @throws org.opentest4j.TestAbortedException when it is missing and real targets are not required
   * @throws org.opentest4j.AssertionFailedError when it is missing and real targets are required
   */
  public static Path requireLoadTool() {
    Path tool = FaktoryBinary.findLoadTool().orElse(null);
    if (tool == null) {
      unavailable("Faktory load tool", "no executable 'load' at any of " + FaktoryBinary.loadToolCandidates()
          + "; run scripts/provision-faktory");
    }
    return tool;
  }

  /**
   * Checks that a Docker engine answers, so that a {@link FaktoryContainer} can start. May block for a few
   * seconds the first time while Testcontainers looks for the engine.
   *
   * @throws org.opentest4j.TestAbortedException when none answers and real targets are not required
   * @throws org.opentest4j.AssertionFailedError when none answers and real targets are required
   */
  public static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      unavailable("Faktory container", "no Docker engine answers; run scripts/provision-container (or start "
          + "dockerd) and set TESTCONTAINERS_RYUK_DISABLED=true where the Ryuk image cannot be pulled");
    }
  }

  private static void unavailable(String target, String reason) {
    unavailable(target, reason, required(), System.err);
  }

  /** Fails, or else announces on {@code log} and aborts, the current test: {@code target} is unavailable. */
  static void unavailable(String target, String reason, boolean required, PrintStream log) {
    if (required) {
      Assertions.fail("real target unavailable: " + target + ": " + reason + " (" + REQUIRED_PROPERTY + "=true)");
    }
    String message = "SKIPPED real target " + target + ": " + reason
        + " (with -D" + REQUIRED_PROPERTY + "=true this fails)";
    log.println("[faktory-testkit] " + message);
    Assumptions.abort(message);
  }
}
