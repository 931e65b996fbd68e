package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.GoJob;
import io.github.faktorytestkit.fake.model.ModelCore;
import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/**
 * PUSH {@code <job json>}: decodes the job as Go does (with the real server's global-retry quirk, see
 * {@link GoJob#decodePushed}), stores it and answers {@code +OK}.
 */
final class PushCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    ModelCore core = context.core();
    GoJob job = GoJob.decodePushed(context.payloadAfter(5), core::overwriteRetryDefault);
    core.queues().push(job);
    return Outcome.done(Outcome.ok());
  }
}
