package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/** The handler of one command verb. Runs under the model lock; most return an already completed stage. */
@FunctionalInterface
interface CommandHandler {

  /**
   * Handles one line.
   *
   * @throws ErrorReplyException to answer {@code -ERR <message>}
   */
  CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException;
}
