package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoQuote;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * BEAT {@code {"wid","current_state","rss_kb"}}: keeps a worker alive; answers {@code +OK} while it runs, else the
 * bulk {@code {"state":"quiet"}} or {@code {"state":"terminate"}}.
 */
final class BeatCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String payload = context.payloadAfter(5);
    Map<String, Object> beat;
    try {
      beat = GoJob.decodedMap(GoDecoder.decode(payload, GoTypes.CLIENT_BEAT));
    } catch (GoJsonException e) {
      throw new CommandException(ErrorTexts.invalidBeat(payload));
    }
    String wid = (String) beat.getOrDefault("wid", "");
    ClientData worker = context.core().workers.beat(wid, (String) beat.getOrDefault("current_state", ""),
        (Long) beat.getOrDefault("rss_kb", 0L));
    if (worker == null) {
      throw new CommandException(ErrorTexts.unknownWorker(wid));
    }
    if (worker.state == WorkerState.RUNNING) {
      return Outcomes.done(Outcomes.ok());
    }
    return Outcomes.done(Outcomes.bulk("{\"state\":" + GoQuote.quote(worker.state.wireName()) + "}"));
  }
}
