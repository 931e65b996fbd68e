package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.FaktoryStructs;
import io.github.faktorytestkit.fake.model.GoStruct;
import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/** FAIL {@code {"jid","errtype","message","backtrace"}}: fails a reservation into the retries or dead set. */
final class FailCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    String payload = context.payloadAfter(5);
    GoStruct failure = GoStruct.decode(payload, FaktoryStructs.FAIL_PAYLOAD, goError -> ErrorTexts.invalidFail(payload));
    String jid = failure.string("jid");
    if (jid.isEmpty()) {
      throw new ErrorReplyException(ErrorTexts.MISSING_JID);
    }
    context.core().reservations().fail(jid, failure.string("errtype"), failure.string("message"),
        failure.list("backtrace"));
    return Outcome.done(Outcome.ok());
  }
}
