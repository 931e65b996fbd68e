package io.github.faktorytestkit.fake.model.redis;

/** Redis's WRONGTYPE error: an operation on a key that holds another type. The message is Redis's own text. */
public final class WrongTypeException extends Exception {
  /** Redis's text, which Faktory passes on after {@code -ERR }. */
  public static final String TEXT = "WRONGTYPE Operation against a key holding the wrong kind of value";
  private static final long serialVersionUID = 1L;

  WrongTypeException() {
    super(TEXT, null, false, false);
  }
}
