package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/**
 * FLUSH: Redis's FLUSHDB. What the real server keeps in memory survives: known queue names (INFO lists them with
 * size 0), the paused list FETCH consults, and the reservations ACK and FAIL look up.
 */
final class FlushCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) {
    context.core().keyspace().flushDb();
    return Outcome.done(Outcome.ok());
  }
}
