package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/** END: closes the connection without a reply. */
final class EndCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) {
    context.session().ending();
    return Outcome.done(Outcome.close());
  }
}
