package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJson;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoType;
import java.math.BigInteger;
import java.util.concurrent.CompletionStage;

/**
 * PUSH {@code <job json>}. Models a real-server quirk: the job is decoded into a struct whose retry points at Go's
 * global default, so an explicit {@code "retry":N} (before any {@code "retry":null}) becomes the default of every
 * later job pushed without one, even when this push is rejected.
 */
final class PushCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    ModelCore core = context.core();
    GoJob job = decode(core, context.payloadAfter(5));
    core.queues.push(job);
    return Outcome.done(Outcome.ok());
  }

  private static GoJob decode(ModelCore core, String payload) throws CommandException {
    try {
      Object tree = GoJson.parse(payload);
      overwriteRetryDefault(core, tree);
      GoJob job = GoJob.fromDecoded(Fields.of(GoDecoder.decodeTree(tree, GoTypes.JOB)));
      if (job.retry == null) {
        job.retry = core.retryDefault;
      }
      return job;
    } catch (GoJsonException e) {
      throw new CommandException(ErrorTexts.invalidJson(e.getMessage()));
    }
  }

  private static void overwriteRetryDefault(ModelCore core, Object tree) {
    if (!(tree instanceof GoJson.JsonObject object)) {
      return;
    }
    boolean pointsAtDefault = true;
    for (GoJson.Member member : object.members()) {
      GoType.Field field = GoTypes.JOB.fieldFor(member.key());
      if (field == null || !field.key().equals("retry")) {
        continue;
      }
      if (member.value() == null) {
        pointsAtDefault = false;
      } else if (pointsAtDefault && member.value() instanceof GoJson.JsonNumber number && isInt64(number)) {
        core.retryDefault = Long.parseLong(number.literal());
      }
    }
  }

  private static boolean isInt64(GoJson.JsonNumber number) {
    try {
      return new BigInteger(number.literal()).bitLength() < 64;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
