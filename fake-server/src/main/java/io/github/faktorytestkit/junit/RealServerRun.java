package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.client.FaktoryClient;
import java.io.PrintStream;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's run against a real server: says so on the console once, FLUSHes the server, explains skipped
 * tests there too (a skip reason otherwise shows only in the XML reports). Never prints the password.
 */
final class RealServerRun {
  private static final String PREFIX = "[faktory-testkit] ";
  private static final ExtensionContext.Namespace ANNOUNCED =
      ExtensionContext.Namespace.create(RealServerRun.class, "announced");

  private final RealServer server;
  private final PrintStream console;

  RealServerRun(RealServer server, PrintStream console) {
    this.server = server;
    this.console = console;
  }

  URI url() {
    return server.url();
  }

  /** Prints which server the tests of {@code context}'s class use, once per class in a run. */
  void announce(ExtensionContext context) {
    Object first = context.getRoot().getStore(ANNOUNCED)
        .getOrComputeIfAbsent(context.getRequiredTestClass(), testClass -> context.getUniqueId());
    if (first.equals(context.getUniqueId())) {
      console.println(PREFIX + context.getRequiredTestClass().getSimpleName() + ": tests run against the REAL Faktory "
          + describe() + ", FLUSHed before each test and after the last; tests that need the fake are skipped");
    }
  }

  /** Deletes every job and set on the server, as a fresh fake starts. */
  void flush() {
    try (FaktoryClient client = FaktoryClient.connect(server.url().toString())) {
      client.flush();
    }
  }

  /** Returns why a test that needs the fake cannot run. */
  String needsTheFake() {
    return "this test inspects or drives the fake Faktory, but the tests run against the real server " + describe();
  }

  /** Prints why a test of this run was skipped. */
  void reportSkipped(ExtensionContext context, Throwable cause) {
    console.println(PREFIX + "skipped " + context.getRequiredTestClass().getSimpleName() + "."
        + context.getDisplayName() + ": " + cause.getMessage());
  }

  private String describe() {
    return server.maskedUrl() + " (set by " + server.source() + ")";
  }
}
