package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.redis.WrongTypeException;

/**
 * Signals that the server answers with an error reply; the message is the error text after {@code -ERR }. Thrown by
 * the handlers and by the domain (queues, reservations) alike.
 */
public final class ErrorReplyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code errorText} is one of {@link ErrorTexts}. */
  public ErrorReplyException(String errorText) {
    super(errorText, null, false, false);
  }

  /** Creates the exception Faktory answers with when Redis refuses an operation with WRONGTYPE. */
  public ErrorReplyException(WrongTypeException wrongType) {
    this(wrongType.getMessage());
  }
}
