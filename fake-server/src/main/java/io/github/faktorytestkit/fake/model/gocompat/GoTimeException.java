package io.github.faktorytestkit.fake.model.gocompat;

/** Signals that Go's {@code time.Parse} would reject a timestamp; the message is Go's error text, verbatim. */
public final class GoTimeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with Go's error text. */
  public GoTimeException(String goMessage) {
    super(goMessage, null, false, false);
  }
}
