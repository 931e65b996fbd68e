package io.github.faktorytestkit.fake.state;

import java.util.concurrent.CompletionStage;

/** FAIL {@code {"jid","errtype","message","backtrace"}}: fails a reservation into the retries or dead set. */
final class FailCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String payload = context.payloadAfter(5);
    Fields failure = Payloads.struct(payload, GoTypes.FAIL_PAYLOAD, goError -> ErrorTexts.invalidFail(payload));
    String jid = failure.string("jid");
    if (jid.isEmpty()) {
      throw new CommandException(ErrorTexts.MISSING_JID);
    }
    context.core().reservations.fail(jid, failure.string("errtype"), failure.string("message"),
        failure.list("backtrace"));
    return Outcome.done(Outcome.ok());
  }
}
