package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.FaktoryStructs;
import io.github.faktorytestkit.fake.model.GoStruct;
import io.github.faktorytestkit.protocol.WorkerState;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import java.util.concurrent.CompletionStage;

/**
 * BEAT {@code {"wid","current_state","rss_kb"}}: keeps a worker alive; answers {@code +OK} while it runs, else the
 * bulk {@code {"state":"quiet"}} or {@code {"state":"terminate"}}.
 */
final class BeatCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    String payload = context.payloadAfter(5);
    GoStruct beat = GoStruct.decode(payload, FaktoryStructs.CLIENT_BEAT, goError -> ErrorTexts.invalidBeat(payload));
    String wid = beat.string("wid");
    WorkerState state = context.core().workers().beat(wid, beat.string("current_state"), beat.integer("rss_kb"));
    if (state == null) {
      throw new ErrorReplyException(ErrorTexts.unknownWorker(wid));
    }
    if (state == WorkerState.RUNNING) {
      return Outcome.done(Outcome.ok());
    }
    return Outcome.done(Outcome.bulk("{\"state\":" + GoQuote.quote(state.wireName()) + "}"));
  }
}
