package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Records each command in the journal once it was handed on, and again with its outcome once answered. Noting the
 * arrival only after the next stages returned means any wait they started (a FETCH timeout, a delayed reply) is
 * already on the clock when a test sees the command, so advancing the clock then reaches it.
 */
final class RecordingStage implements CommandStage {
  private final Journal journal;
  private final CommandStage next;

  RecordingStage(Journal journal, CommandStage next) {
    this.journal = journal;
    this.next = next;
  }

  @Override
  public CompletionStage<Outcome> handle(ReceivedCommand command) {
    CompletionStage<Outcome> answer;
    try {
      answer = next.handle(command);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    journal.receive(command);
    // a failed answer closes the connection, so that is what is recorded
    return answer.whenComplete((outcome, failure) ->
        journal.record(new RecordedCommand(command, failure == null ? outcome : Outcome.close())));
  }
}
