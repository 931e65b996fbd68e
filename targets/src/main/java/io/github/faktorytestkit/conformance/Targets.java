package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.junit.RealServer;
import org.junit.jupiter.api.Assumptions;

/** Starts targets by kind. */
public final class Targets {
  private Targets() {}

  /**
   * Starts a new server of {@code kind} requiring {@code password} (null for none), or, for the url kind, returns
   * the configured server. Blocks until it is ready.
   *
   * @throws org.opentest4j.TestAbortedException when a real kind is unavailable here and real targets are not
   *     required, or the url kind is not configured or cannot honour {@code password}
   * @throws org.opentest4j.AssertionFailedError when a real kind is unavailable and real targets are required
   * @throws IllegalStateException when the server does not start
   */
  public static Target start(TargetKind kind, String password) {
    return switch (kind) {
      case FAKE -> FakeTarget.start(password);
      case LOCAL -> LocalTarget.start(password);
      case CONTAINER -> ContainerTarget.start(password);
      case URL -> configuredUrl(password);
    };
  }

  private static Target configuredUrl(String password) {
    UrlTarget target = UrlTarget.configured().orElse(null);
    Assumptions.assumeTrue(target != null, () -> "url target: no -D" + RealServer.PROPERTY + " or "
        + RealServer.VARIABLE + " names a server");
    Assumptions.assumeTrue(password == null || password.equals(target.password()),
        () -> "url target: the scenario needs a server with its own password; " + target + " is not one");
    return target;
  }
}
