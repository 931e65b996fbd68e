package io.github.faktorytestkit.fake.state;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * FETCH {@code q1 [q2 ...]}: the oldest job of the first non-empty, non-paused queue, reserved for the connection's
 * worker; else waits up to 2 s on the clock for a push and answers {@code $-1}. A quiet or terminated worker's
 * connection, or a FETCH whose queues are all paused, waits the 2 s and gets {@code $-1}.
 */
final class FetchCommand implements Command {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws CommandException {
    ModelCore core = context.core();
    ClientData client = context.session().client();
    if (client.state != WorkerState.RUNNING) {
      return nothingAfterTimeout(core);
    }
    List<String> queues = context.arguments();
    if (queues.isEmpty()) {
      throw new CommandException(ErrorTexts.FETCH_NEEDS_QUEUE);
    }
    List<String> active = core.queues.active(queues);
    if (active.isEmpty()) {
      return nothingAfterTimeout(core);
    }
    String payload = core.redis.popFirst(active);
    if (payload != null) {
      return Outcome.done(Outcome.bulk(core.reservations.reserve(payload, client.wid)));
    }
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    core.waiters.await(active, client.wid, result);
    return result;
  }

  private static CompletionStage<Outcome> nothingAfterTimeout(ModelCore core) {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    core.waiters.await(List.of(), "", result);   // a wait on no queue: only its timeout ends it, with $-1
    return result;
  }
}
