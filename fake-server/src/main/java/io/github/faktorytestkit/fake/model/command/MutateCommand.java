package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.FaktoryStructs;
import io.github.faktorytestkit.fake.model.GoStruct;
import io.github.faktorytestkit.fake.model.SetMutation;
import io.github.faktorytestkit.fake.session.Outcome;
import java.util.concurrent.CompletionStage;

/**
 * MUTATE {@code {"cmd","target","filter"}}: clear, kill, discard or requeue entries of the retries, scheduled or
 * dead set. The line must split into exactly two parts at spaces, so the JSON may hold no space at all.
 */
final class MutateCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    String[] parts = context.line().split(" ", -1);
    if (parts.length != 2) {
      throw new ErrorReplyException(ErrorTexts.MUTATE_INVALID_FORMAT);
    }
    GoStruct operation = GoStruct.decode(parts[1], FaktoryStructs.OPERATION, goError -> goError);
    SetMutation mutation = new SetMutation(context.core(), operation.string("target"), operation.struct("filter"));
    switch (operation.string("cmd")) {
      case "clear":
        mutation.clear();
        break;
      case "kill":
        mutation.kill();
        break;
      case "discard":
        mutation.discard();
        break;
      case "requeue":
        mutation.requeue();
        break;
      default:
        throw new ErrorReplyException(ErrorTexts.MUTATE_UNKNOWN_OPERATION);
    }
    return Outcome.done(Outcome.ok());
  }
}
