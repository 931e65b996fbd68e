package io.github.faktorytestkit.fake.model.command;

/**
 * Signals an input on which Faktory 1.9.4's handler panics (a slice or index out of range) and the whole server
 * process dies. The fake answers {@code -ERR internal error} instead, as Faktory 1.10.0 does.
 */
final class HandlerPanic extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HandlerPanic(String what) {
    super(what, null, false, false);
  }
}
