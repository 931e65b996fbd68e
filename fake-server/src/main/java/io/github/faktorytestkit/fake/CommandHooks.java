package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The test-facing machinery of one fake server, in front of every model session: the journal, the interceptor and
 * the planned faults. {@link #handle} is the whole path of one command, in order. Thread-safe.
 */
final class CommandHooks {
  private final FaktoryClock clock;
  private final Journal journal;
  private final Consumer<RecordedCommand> onAnswered;
  private final FaultPlan faults = new FaultPlan();
  private final AtomicReference<Interceptor> interceptor = new AtomicReference<>(Interceptor.PROCEED);

  /** Creates the hooks with no listener; {@code journal} is null when the server keeps none. */
  CommandHooks(FaktoryClock clock, Journal journal) {
    this(clock, journal, null);
  }

  /**
   * Creates the hooks; {@code journal} is null when the server keeps none, {@code onAnswered} (null for none) is
   * told of every answered command.
   */
  CommandHooks(FaktoryClock clock, Journal journal, Consumer<RecordedCommand> onAnswered) {
    this.clock = clock;
    this.journal = journal;
    this.onAnswered = onAnswered;
  }

  /** Returns {@code model} with the journal, interceptor and faults in front of it. */
  ServerSession decorate(ServerSession model, int connectionIndex) {
    return new HookedSession(model, connectionIndex);
  }

  /**
   * Handles line {@code exchangeIndex} of connection {@code connectionIndex}: numbered and stamped, then the
   * interceptor, then a planned fault around the model, then the journal notes its arrival and, once answered, its
   * outcome. The arrival is noted only after the model ran, so any wait it started (a FETCH timeout, a delayed
   * reply) is already on the clock when a test sees the command, and advancing the clock then reaches it.
   */
  private CompletionStage<Outcome> handle(ServerSession model, int connectionIndex, int exchangeIndex, String line) {
    if (journal == null && onAnswered == null && interceptor.get() == Interceptor.PROCEED && faults.isEmpty()) {
      return guarded(() -> model.handle(line)); // nothing hooked in: no command to stamp (most servers under load)
    }
    ReceivedCommand command = new ReceivedCommand(connectionIndex, exchangeIndex, line, clock.now());
    CompletionStage<Outcome> answer = guarded(() -> answer(command, model));
    if (journal == null && onAnswered == null) {
      return answer;
    }
    if (journal != null) {
      journal.receive(command);
    }
    // a failed answer closes the connection, so that is what is recorded
    return answer.whenComplete((outcome, failure) -> recorded(
        new RecordedCommand(command, failure == null ? outcome : Outcome.close())));
  }

  /** Returns what {@code answer} gives, or a stage failed with what it threw. */
  private static CompletionStage<Outcome> guarded(Supplier<CompletionStage<Outcome>> answer) {
    try {
      return answer.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void recorded(RecordedCommand command) {
    if (journal != null) {
      journal.record(command);
    }
    if (onAnswered != null) {
      onAnswered.accept(command);
    }
  }

  /** The interceptor answers in the model's place, or a planned fault alters what the model answers. */
  private CompletionStage<Outcome> answer(ReceivedCommand command, ServerSession model) {
    Interceptor.Decision decision = interceptor.get().intercept(command);
    if (decision == null) {
      throw new IllegalStateException("decision: null (expected: an Interceptor.Decision)");
    }
    if (decision.answer() != null) {
      return Outcome.done(decision.answer());
    }
    Optional<Fault.Effect> fault = faults.take(command);
    CompletionStage<Outcome> modelled = model.handle(command.line());
    return fault.isEmpty() ? modelled : modelled.thenCompose(outcome -> misbehave(fault.get(), outcome));
  }

  /** Returns what the connection does instead of {@code outcome} under {@code effect}. */
  private CompletionStage<Outcome> misbehave(Fault.Effect effect, Outcome outcome) {
    if (effect instanceof Fault.Effect.DelayReply delay) {
      return later(outcome, delay.delay());
    }
    if (effect instanceof Fault.Effect.SendGarbage garbage) {
      return Outcome.done(new Outcome.SendRaw(garbage.bytes()));
    }
    if (effect instanceof Fault.Effect.CloseInsteadOfReply) {
      return Outcome.done(Outcome.close());
    }
    return Outcome.done(outcome.thenClose());
  }

  private CompletionStage<Outcome> later(Outcome outcome, Duration delay) {
    CompletableFuture<Outcome> delayed = new CompletableFuture<>();
    clock.schedule(clock.now().plus(delay), () -> delayed.complete(outcome));
    return delayed;
  }

  /** Returns the journal; throws when the server was built without one. */
  Journal journal() {
    if (journal == null) {
      throw new IllegalStateException("journal: disabled (expected: a server built with journal(true))");
    }
    return journal;
  }

  /** Installs {@code next} in place of the current interceptor. */
  void intercept(Interceptor next) {
    interceptor.set(Objects.requireNonNull(next, "interceptor"));
  }

  /** Returns the planned faults. */
  FaultPlan faults() {
    return faults;
  }

  /** Clears the journal and the faults and removes the interceptor. */
  void reset() {
    if (journal != null) {
      journal.clear();
    }
    faults.clear();
    interceptor.set(Interceptor.PROCEED);
  }

  /**
   * The session the transport talks to: numbers each line and hands it to {@link #handle}. Not thread-safe by
   * itself: the transport calls {@link #handle(String)} one line at a time per connection.
   */
  private final class HookedSession implements ServerSession {
    private final ServerSession model;
    private final int connectionIndex;
    private int nextExchange;

    HookedSession(ServerSession model, int connectionIndex) {
      this.model = model;
      this.connectionIndex = connectionIndex;
    }

    @Override
    public Reply greeting() {
      return model.greeting();
    }

    @Override
    public CompletionStage<Outcome> handle(String line) {
      return CommandHooks.this.handle(model, connectionIndex, nextExchange++, line);
    }

    @Override
    public void closed() {
      model.closed();
    }
  }
}
