package io.github.faktorytestkit.fake.state;

/** Signals that a command fails with an error reply; the message is the error text after {@code -ERR }. */
final class CommandException extends Exception {
  private static final long serialVersionUID = 1L;

  CommandException(String errorText) {
    super(errorText, null, false, false);
  }
}
