package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoType;
import java.util.concurrent.CompletionStage;

/** ACK {@code {"jid":"..."}}: ends a reservation; an unknown jid still gets {@code +OK}. */
final class AckCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String payload = context.payloadAfter(4);
    Fields hash = Payloads.struct(payload, GoType.STRING_MAP, goError -> ErrorTexts.invalidAck(payload));
    if (!hash.has("jid")) {
      throw new CommandException(ErrorTexts.invalidAck(payload));
    }
    context.core().reservations.acknowledge(hash.string("jid"));
    return Outcome.done(Outcome.ok());
  }
}
