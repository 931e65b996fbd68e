package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
import io.github.faktorytestkit.protocol.Reply;
import java.util.Objects;

/** What an {@link Interceptor} decided for one command: hand it to the model, or answer it in the model's place. */
public sealed interface InterceptorDecision {

  /** Returns the decision to let the model (and any fault) handle the command. */
  static InterceptorDecision proceed() {
    return Proceed.INSTANCE;
  }

  /** Returns the decision to send {@code reply} without consulting the model; the connection stays open. */
  static InterceptorDecision reply(Reply reply) {
    return new Respond(Outcome.send(reply));
  }

  /** Returns the decision to close the connection without a reply; the model never sees the command. */
  static InterceptorDecision breakConnection() {
    return new Respond(Outcome.close());
  }

  /** Returns the decision to answer with {@code outcome} (any reply, close or raw bytes) instead of the model. */
  static InterceptorDecision respond(Outcome outcome) {
    return new Respond(outcome);
  }

  /** Lets the command through. Use {@link #proceed()}. */
  enum Proceed implements InterceptorDecision {
    /** The only instance. */
    INSTANCE
  }

  /**
   * Answers the command in the model's place.
   *
   * @param outcome what the connection does instead
   */
  record Respond(Outcome outcome) implements InterceptorDecision {
    /** Creates the decision; {@code outcome} must not be null. */
    public Respond {
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
