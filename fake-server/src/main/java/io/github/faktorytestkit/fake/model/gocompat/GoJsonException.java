package io.github.faktorytestkit.fake.model.gocompat;

/** Signals that Go would reject a JSON document; the message is Go's error text, verbatim. */
public final class GoJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with Go's error text. */
  public GoJsonException(String goMessage) {
    super(goMessage, null, false, false);
  }
}
