package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Asks the current interceptor about each command and answers in the model's place when it says so. */
final class InterceptingStage implements CommandStage {
  private final Supplier<Interceptor> interceptor;
  private final CommandStage next;

  InterceptingStage(Supplier<Interceptor> interceptor, CommandStage next) {
    this.interceptor = interceptor;
    this.next = next;
  }

  @Override
  public CompletionStage<Outcome> handle(ReceivedCommand command) {
    InterceptorDecision decision = interceptor.get().intercept(command);
    if (decision instanceof InterceptorDecision.Respond respond) {
      return CompletableFuture.completedFuture(respond.outcome());
    }
    if (decision == InterceptorDecision.proceed()) {
      return next.handle(command);
    }
    throw new IllegalStateException("decision: " + decision + " (expected: non-null, from InterceptorDecision)");
  }
}
