package io.github.faktorytestkit.fake.session;

import io.github.faktorytestkit.protocol.Reply;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome most commands answer, and its completed stage, made once: PUSH and ACK answer {@code +OK} thousands of
 * times a second under load. Both are values: a completed stage cannot change, and nothing here obtrudes on one.
 */
final class SharedOutcomes {
  /** {@code +OK}, the connection kept open. */
  static final Outcome OK = new Outcome.Send(Reply.OK);
  /** {@link #OK}, already completed. */
  static final CompletableFuture<Outcome> OK_DONE = CompletableFuture.completedFuture(OK);

  private SharedOutcomes() {}
}
