package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoJsonWriter;
import io.github.faktorytestkit.fake.state.gocompat.GoTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** PUSHB {@code [<job>, ...]}: pushes each job as PUSH does and answers a bulk map of jid to error ({} if none). */
final class PushBulkCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    ModelCore core = context.core();
    List<?> jobs = decode(context.payloadAfter(6));
    String createdAt = GoTime.format(core.now());
    Map<String, Object> errors = new LinkedHashMap<>();
    for (Object fields : jobs) {
      GoJob job = GoJob.fromDecoded(Fields.of(fields));
      if (job.createdAt.isEmpty()) {
        job.createdAt = createdAt;
      }
      if (job.retry == null) {
        job.retry = core.retryDefault;
      }
      try {
        core.queues.push(job);
      } catch (CommandException e) {
        errors.put(job.jid, e.getMessage());
      }
    }
    return Outcome.done(Outcome.bulk(GoJsonWriter.write(errors)));
  }

  private static List<?> decode(String payload) throws CommandException {
    List<?> jobs = (List<?>) Payloads.value(payload, GoTypes.JOBS, ErrorTexts::invalidJson);
    return jobs == null ? List.of() : jobs;
  }
}
