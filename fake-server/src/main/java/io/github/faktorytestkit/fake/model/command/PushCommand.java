package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.FaktoryStructs;
import io.github.faktorytestkit.fake.model.GoJob;
import io.github.faktorytestkit.fake.model.GoStruct;
import io.github.faktorytestkit.fake.model.ModelCore;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.model.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.model.gocompat.GoJson;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.model.gocompat.GoType;
import java.math.BigInteger;
import java.util.concurrent.CompletionStage;

/**
 * PUSH {@code <job json>}. Models a real-server quirk: the job is decoded into a struct whose retry points at Go's
 * global default, so an explicit {@code "retry":N} (before any {@code "retry":null}) becomes the default of every
 * later job pushed without one, even when this push is rejected.
 */
final class PushCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    ModelCore core = context.core();
    GoJob job = decode(core, context.payloadAfter(5));
    core.queues().push(job);
    return Outcome.done(Outcome.ok());
  }

  private static GoJob decode(ModelCore core, String payload) throws ErrorReplyException {
    try {
      Object tree = GoJson.parse(payload);
      overwriteRetryDefault(core, tree);
      return GoJob.fromDecoded(GoStruct.of(GoDecoder.decodeTree(tree, FaktoryStructs.JOB)));
    } catch (GoJsonException e) {
      throw new ErrorReplyException(ErrorTexts.invalidJson(e.getMessage()));
    }
  }

  private static void overwriteRetryDefault(ModelCore core, Object tree) {
    if (!(tree instanceof GoJson.JsonObject object)) {
      return;
    }
    boolean pointsAtDefault = true;
    for (GoJson.Member member : object.members()) {
      GoType.Field field = FaktoryStructs.JOB.fieldFor(member.key());
      if (field == null || !field.key().equals("retry")) {
        continue;
      }
      if (member.value() == null) {
        pointsAtDefault = false;
      } else if (pointsAtDefault && member.value() instanceof GoJson.JsonNumber number && isInt64(number)) {
        core.overwriteRetryDefault(Long.parseLong(number.literal()));
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
