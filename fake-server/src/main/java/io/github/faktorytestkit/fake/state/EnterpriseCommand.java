package io.github.faktorytestkit.fake.state;

import java.util.concurrent.CompletionStage;

/** BATCH and TRACK, which the open-source server answers with an error whatever the arguments. */
enum EnterpriseCommand implements Command {
  /** BATCH. */
  BATCH(ErrorTexts.BATCH_ENTERPRISE_ONLY),
  /** TRACK. */
  TRACK(ErrorTexts.TRACK_ENTERPRISE_ONLY);

  private final String error;

  EnterpriseCommand(String error) {
    this.error = error;
  }

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    throw new CommandException(error);
  }
}
