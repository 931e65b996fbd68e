package io.github.faktorytestkit.real;

import com.github.dockerjava.api.exception.DockerException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerFetchException;

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

  private static final String CONTAINER_TARGET = "Faktory container";
  private static final String DOCKER_HINT = "run scripts/provision-container (or start dockerd) and set "
      + "TESTCONTAINERS_RYUK_DISABLED=true where the Ryuk image cannot be pulled";

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
   * @throws org.opentest4j.TestAbortedException when none answers (or it answers with an error) and real targets
   *     are not required
   * @throws org.opentest4j.AssertionFailedError when none answers and real targets are required
   */
  public static void requireDocker() {
    DockerCheck.PROBLEM.ifPresent(problem -> unavailable(CONTAINER_TARGET, problem + "; " + DOCKER_HINT));
  }

  /**
   * Starts {@code container} after {@link #requireDocker()}; when the engine answers but cannot run it (e.g.
   * {@code network bridge not found}), closes it and skips or fails the test as {@link #requireDocker()} does.
   * Any other start failure (an image that cannot be pulled, a server that does not come up) propagates.
   *
   * @return {@code container}, running
   */
  public static FaktoryContainer start(FaktoryContainer container) {
    requireDocker();
    return start(container, required(), System.err);
  }

  /** Starts {@code container}; an engine's refusal closes it and fails, or announces on {@code log} and aborts. */
  static FaktoryContainer start(FaktoryContainer container, boolean required, PrintStream log) {
    try {
      container.start();
      return container;
    } catch (RuntimeException e) {
      container.close();
      String refusal = engineRefusal(e);
      if (refusal == null) {
        throw e;
      }
      unavailable(CONTAINER_TARGET, "the Docker engine cannot run a container (" + refusal + "); " + DOCKER_HINT
          + (container.isHostNetwork() ? "" : "; or use FaktoryContainer.withHostNetwork()"), required, log);
      throw e;
    }
  }

  /**
   * The answer of the first check, kept for the JVM's life as Testcontainers keeps its client: after a failed
   * first look (e.g. Ryuk refused) Testcontainers answers "available" without looking again.
   */
  private static final class DockerCheck {
    static final Optional<String> PROBLEM = Optional.ofNullable(dockerProblem());
  }

  /** Returns why no Docker engine is usable, or null when one answers. */
  private static String dockerProblem() {
    try {
      return DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine answers";
    } catch (RuntimeException e) {
      return "the Docker engine answers with an error (" + oneLine(e) + ")";
    }
  }

  /**
   * Returns the engine's own error message when {@code failure} was caused by the engine refusing a request
   * (a docker-java {@link DockerException}), or null for any other failure (the server's, the image's).
   */
  static String engineRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ContainerFetchException) {
        return null;
      }
      if (cause instanceof DockerException) {
        return oneLine(cause);
      }
    }
    return null;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().replaceAll("\\s+", " ");
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
