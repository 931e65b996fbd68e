package io.github.faktorytestkit.fake.state;

import java.util.concurrent.CompletionStage;

/** The handler of one command verb. Runs under the model lock; most return an already completed stage. */
@FunctionalInterface
interface Command {

  /**
   * Handles one line.
   *
   * @throws CommandException to answer {@code -ERR <message>}
   */
  CompletionStage<Outcome> execute(CommandContext context) throws CommandException;
}
