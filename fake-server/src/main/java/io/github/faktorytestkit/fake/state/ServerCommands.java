package io.github.faktorytestkit.fake.state;

import java.util.concurrent.CompletionStage;

/** The server-wide commands: END, INFO and FLUSH. */
final class ServerCommands {
  private ServerCommands() {}

  /** END: closes the connection without a reply. */
  static CompletionStage<Outcome> end(CommandContext context) {
    context.session().ending();
    return Outcome.done(Outcome.close());
  }

  /** INFO: the server's state as bulk JSON; arguments are ignored. */
  static CompletionStage<Outcome> info(CommandContext context) throws CommandException {
    return Outcome.done(Outcome.bulk(InfoReport.build(context.core())));
  }

  /**
   * FLUSH: Redis's FLUSHDB. What the real server keeps in memory survives: known queue names (INFO lists them with
   * size 0), the paused list FETCH consults, and the reservations ACK and FAIL look up.
   */
  static CompletionStage<Outcome> flush(CommandContext context) {
    context.core().redis.flushDb();
    return Outcome.done(Outcome.ok());
  }
}
