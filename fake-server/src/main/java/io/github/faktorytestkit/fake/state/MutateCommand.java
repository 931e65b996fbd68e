package io.github.faktorytestkit.fake.state;

import java.util.concurrent.CompletionStage;

/**
 * MUTATE {@code {"cmd","target","filter"}}: clear, kill, discard or requeue entries of the retries, scheduled or
 * dead set. The line must split into exactly two parts at spaces, so the JSON may hold no space at all.
 */
final class MutateCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    String[] parts = context.line().split(" ", -1);
    if (parts.length != 2) {
      throw new CommandException(ErrorTexts.MUTATE_INVALID_FORMAT);
    }
    Fields operation = Payloads.struct(parts[1], GoTypes.OPERATION, goError -> goError);
    Mutation mutation = new Mutation(context.core(), operation.string("target"), operation.struct("filter"));
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
        throw new CommandException(ErrorTexts.MUTATE_UNKNOWN_OPERATION);
    }
    return Outcome.done(Outcome.ok());
  }
}
