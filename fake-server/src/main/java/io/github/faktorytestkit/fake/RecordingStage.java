package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Records each command in the journal on arrival, and again with its outcome once answered. */
final class RecordingStage implements CommandStage {
  private final Journal journal;
  private final CommandStage next;

  RecordingStage(Journal journal, CommandStage next) {
    this.journal = journal;
    this.next = next;
  }

  @Override
  public CompletionStage<Outcome> handle(ReceivedCommand command) {
    journal.receive(command);
    CompletionStage<Outcome> answer;
    try {
      answer = next.handle(command);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    // a failed answer closes the connection, so that is what is recorded
    return answer.whenComplete((outcome, failure) ->
        journal.record(new RecordedCommand(command, failure == null ? outcome : Outcome.close())));
  }
}
