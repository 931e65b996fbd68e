package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoQuote;
import java.util.concurrent.CompletionStage;

/**
 * BEAT {@code {"wid","current_state","rss_kb"}}: keeps a worker alive; answers {@code +OK} while it runs, else the
 * bulk {@code {"state":"quiet"}} or {@code {"state":"terminate"}}.
 */
final class BeatCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String payload = context.payloadAfter(5);
    Fields beat = Payloads.struct(payload, GoTypes.CLIENT_BEAT, goError -> ErrorTexts.invalidBeat(payload));
    String wid = beat.string("wid");
    ClientData worker = context.core().workers.beat(wid, beat.string("current_state"), beat.integer("rss_kb"));
    if (worker == null) {
      throw new CommandException(ErrorTexts.unknownWorker(wid));
    }
    if (worker.state == WorkerState.RUNNING) {
      return Outcome.done(Outcome.ok());
    }
    return Outcome.done(Outcome.bulk("{\"state\":" + GoQuote.quote(worker.state.wireName()) + "}"));
  }
}
