package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.ModelCore;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.protocol.WorkerState;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * FETCH {@code q1 [q2 ...]}: the oldest job of the first non-empty, non-paused queue, reserved for the connection's
 * worker; else waits up to 2 s on the clock for a push and answers {@code $-1}. A quiet or terminated worker's
 * connection, or a FETCH whose queues are all paused, waits the 2 s and gets {@code $-1}.
 */
final class FetchCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    ModelCore core = context.core();
    if (context.session().workerState() != WorkerState.RUNNING) {
      return nothingAfterTimeout(core);
    }
    List<String> queues = context.arguments();
    if (queues.isEmpty()) {
      throw new ErrorReplyException(ErrorTexts.FETCH_NEEDS_QUEUE);
    }
    List<String> active = core.queues().active(queues);
    if (active.isEmpty()) {
      return nothingAfterTimeout(core);
    }
    String wid = context.session().client().wid();
    String payload;
    try {
      payload = core.keyspace().popFirst(active);
    } catch (WrongTypeException e) {
      throw new ErrorReplyException(e);
    }
    if (payload != null) {
      return Outcome.done(Outcome.bulk(core.reservations().reserve(payload, wid)));
    }
    return answer(core.waiters().await(active, wid));
  }

  private static CompletionStage<Outcome> nothingAfterTimeout(ModelCore core) {
    return answer(core.waiters().await(List.of(), ""));   // a wait on no queue: only its timeout ends it, with $-1
  }

  /** Turns a wait's result into the reply: the reserved job, {@code $-1} after the timeout, or the error. */
  private static CompletionStage<Outcome> answer(CompletionStage<String> wait) {
    return wait.handle((job, failure) -> failure != null ? Outcome.error(failure.getMessage())
        : job == null ? Outcome.send(Reply.NULL_BULK) : Outcome.bulk(job));
  }
}
