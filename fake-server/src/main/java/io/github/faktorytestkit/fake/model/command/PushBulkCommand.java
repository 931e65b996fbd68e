package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.FaktoryStructs;
import io.github.faktorytestkit.fake.model.GoJob;
import io.github.faktorytestkit.fake.model.GoStruct;
import io.github.faktorytestkit.fake.model.ModelCore;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** PUSHB {@code [<job>, ...]}: pushes each job as PUSH does and answers a bulk map of jid to error ({} if none). */
final class PushBulkCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    ModelCore core = context.core();
    List<?> jobs = decode(context.payloadAfter(6));
    String createdAt = core.createdAtNow();   // one timestamp for the batch, as the real server stamps it
    Map<String, Object> errors = new LinkedHashMap<>();
    for (Object fields : jobs) {
      GoJob job = GoJob.fromDecoded(GoStruct.of(fields)).createdAtIfUnset(createdAt);
      try {
        core.queues().push(job);
      } catch (ErrorReplyException e) {
        errors.put(job.jid(), e.getMessage());
      }
    }
    return Outcome.done(Outcome.bulk(GoJsonWriter.write(errors)));
  }

  private static List<?> decode(String payload) throws ErrorReplyException {
    List<?> jobs = (List<?>) GoStruct.decodeValue(payload, FaktoryStructs.JOBS, ErrorTexts::invalidJson);
    return jobs == null ? List.of() : jobs;
  }
}
