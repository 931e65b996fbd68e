package io.github.faktorytestkit.client;

import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.RealTargets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real Faktory (a {@link LocalFaktory}) before a test class and stops it after; register it as a static
 * field with {@code @RegisterExtension}. Aborts or fails the class, as {@link RealTargets} decides, when no binary
 * is available.
 */
final class RealFaktory implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<LocalFaktory.Builder> options;
  private LocalFaktory server;

  /** Creates the extension for a server with the {@code options} applied to a fresh builder. */
  RealFaktory(UnaryOperator<LocalFaktory.Builder> options) {
    this.options = options;
  }

  /** Returns the running server. */
  LocalFaktory server() {
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    RealTargets.requireLocalFaktory();
    server = options.apply(LocalFaktory.builder()).start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
