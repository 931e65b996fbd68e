package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.RealTargets;
import java.net.URI;

/** A real faktory process of its own ({@link LocalFaktory}). */
final class LocalTarget extends RealTarget {
  private final LocalFaktory server;

  private LocalTarget(LocalFaktory server) {
    this.server = server;
  }

  /**
   * Starts a process with {@code password} (null for none); aborts or fails the current test, as
   * {@link RealTargets} decides, when no faktory binary is available.
   */
  static LocalTarget start(String password) {
    RealTargets.requireLocalFaktory();
    return new LocalTarget(LocalFaktory.builder().password(password).start());
  }

  @Override
  public TargetKind kind() {
    return TargetKind.LOCAL;
  }

  @Override
  public URI url() {
    return server.url();
  }

  @Override
  public String password() {
    return server.password();
  }

  @Override
  URI webUrl() {
    return server.webUrl();
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "local faktory " + server.version() + " at " + server.host() + ":" + server.port();
  }
}
