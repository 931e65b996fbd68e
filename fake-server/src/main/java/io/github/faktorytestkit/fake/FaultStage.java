package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.FaktoryClock;
import io.github.faktorytestkit.fake.state.Outcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Applies the first planned fault matching a command's verb, if any, around the model's answer. */
final class FaultStage implements CommandStage {
  private final FaultPlan plan;
  private final FaktoryClock clock;
  private final CommandStage next;

  FaultStage(FaultPlan plan, FaktoryClock clock, CommandStage next) {
    this.plan = plan;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public CompletionStage<Outcome> handle(ReceivedCommand command) {
    Optional<Fault.Effect> fault = plan.take(command.verb());
    if (fault.isEmpty()) {
      return next.handle(command);
    }
    Fault.Effect effect = fault.get();
    if (effect instanceof Fault.Effect.AnswerWithError answer) {
      return CompletableFuture.completedFuture(Outcome.send(answer.error()));
    }
    CompletionStage<Outcome> modelled = next.handle(command);
    if (effect instanceof Fault.Effect.DelayReply delay) {
      return modelled.thenCompose(outcome -> later(outcome, delay.delay()));
    }
    return modelled.thenApply(outcome -> alter(effect, outcome));
  }

  private CompletionStage<Outcome> later(Outcome outcome, Duration delay) {
    CompletableFuture<Outcome> delayed = new CompletableFuture<>();
    clock.schedule(clock.now().plus(delay), () -> delayed.complete(outcome));
    return delayed;
  }

  private static Outcome alter(Fault.Effect effect, Outcome outcome) {
    if (effect instanceof Fault.Effect.SendGarbage garbage) {
      return new Outcome.SendRaw(garbage.bytes());
    }
    if (effect instanceof Fault.Effect.CloseInsteadOfReply) {
      return Outcome.close();
    }
    return outcome instanceof Outcome.Send send ? Outcome.sendAndClose(send.reply()) : outcome;
  }
}
