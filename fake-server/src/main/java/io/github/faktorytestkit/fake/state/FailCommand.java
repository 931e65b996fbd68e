package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** FAIL {@code {"jid","errtype","message","backtrace"}}: fails a reservation into the retries or dead set. */
final class FailCommand implements Command {

  @Override
  @SuppressWarnings("unchecked")
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String payload = context.payloadAfter(5);
    Map<String, Object> failure;
    try {
      failure = GoJob.decodedMap(GoDecoder.decode(payload, GoTypes.FAIL_PAYLOAD));
    } catch (GoJsonException e) {
      throw new CommandException(ErrorTexts.invalidFail(payload));
    }
    String jid = (String) failure.getOrDefault("jid", "");
    if (jid.isEmpty()) {
      throw new CommandException(ErrorTexts.MISSING_JID);
    }
    context.core().reservations.fail(jid, (String) failure.get("errtype"), (String) failure.get("message"),
        (List<String>) failure.get("backtrace"));
    return Outcomes.done(Outcomes.ok());
  }
}
