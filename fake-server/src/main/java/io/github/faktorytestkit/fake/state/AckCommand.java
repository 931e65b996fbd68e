package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoType;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** ACK {@code {"jid":"..."}}: ends a reservation; an unknown jid still gets {@code +OK}. */
final class AckCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String payload = context.payloadAfter(4);
    Map<String, Object> hash;
    try {
      hash = GoJob.decodedMap(GoDecoder.decode(payload, GoType.STRING_MAP));
    } catch (GoJsonException e) {
      throw new CommandException(ErrorTexts.invalidAck(payload));
    }
    if (hash == null || !hash.containsKey("jid")) {
      throw new CommandException(ErrorTexts.invalidAck(payload));
    }
    context.core().reservations.acknowledge((String) hash.get("jid"));
    return Outcomes.done(Outcomes.ok());
  }
}
