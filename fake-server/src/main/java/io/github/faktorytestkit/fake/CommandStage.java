package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
import java.util.concurrent.CompletionStage;

/**
 * One step a received command passes on its way to the model: journal, interceptor, faults. Each stage wraps the
 * next; the last hands the line to the model's session.
 */
@FunctionalInterface
interface CommandStage {

  /** Returns what the connection does in answer to {@code command}; called once per command, in order. */
  CompletionStage<Outcome> handle(ReceivedCommand command);
}
