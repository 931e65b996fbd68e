package io.github.faktorytestkit.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what a block writes to standard error (slf4j-simple's logs among it), so a test asserts on it. */
final class StandardError {
  private StandardError() {}

  /** Runs {@code body} with standard error redirected and returns what was written there. */
  static String capture(Body body) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** A block that may throw. */
  interface Body {
    void run() throws Exception;
  }
}
