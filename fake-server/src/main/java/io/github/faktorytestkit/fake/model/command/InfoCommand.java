package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.InfoReport;
import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/** INFO: the server's state as bulk JSON ({@link InfoReport}); arguments are ignored. */
final class InfoCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    return Outcome.done(Outcome.bulk(InfoReport.build(context.core())));
  }
}
