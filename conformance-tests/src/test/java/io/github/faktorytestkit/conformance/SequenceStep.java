package io.github.faktorytestkit.conformance;

/**
 * One step of a random sequence: a command template ({@link RandomCommands}) sent on one of the sequence's
 * connections. Connection 1 is a producer; connections 2 and 3 are workers with wids {@code {w2}} and {@code {w3}}.
 *
 * @param connection the connection, 1 to 3
 * @param template the command line, with placeholders
 */
record SequenceStep(int connection, String template) {
  /** How many connections a sequence may use. */
  static final int CONNECTIONS = 3;

  @Override
  public String toString() {
    return "c" + connection + " " + template;
  }
}
