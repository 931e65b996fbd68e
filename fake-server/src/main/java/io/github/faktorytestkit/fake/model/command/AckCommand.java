package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.GoStruct;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.model.gocompat.GoType;
import java.util.concurrent.CompletionStage;

/** ACK {@code {"jid":"..."}}: ends a reservation; an unknown jid still gets {@code +OK}. */
final class AckCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    String payload = context.payloadAfter(4);
    GoStruct hash = GoStruct.decode(payload, GoType.STRING_MAP, goError -> ErrorTexts.invalidAck(payload));
    if (!hash.has("jid")) {
      throw new ErrorReplyException(ErrorTexts.invalidAck(payload));
    }
    context.core().reservations().acknowledge(hash.string("jid"));
    return Outcome.done(Outcome.ok());
  }
}
