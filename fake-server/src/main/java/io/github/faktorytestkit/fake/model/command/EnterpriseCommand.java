package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/** BATCH and TRACK, which the open-source server answers with an error whatever the arguments. */
enum EnterpriseCommand implements CommandHandler {
  /** BATCH. */
  BATCH(ErrorTexts.BATCH_ENTERPRISE_ONLY),
  /** TRACK. */
  TRACK(ErrorTexts.TRACK_ENTERPRISE_ONLY);

  private final String error;

  EnterpriseCommand(String error) {
    this.error = error;
  }

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    throw new ErrorReplyException(error);
  }
}
