package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.FaktoryClock;
import io.github.faktorytestkit.fake.state.ServerSession;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test-facing machinery of one fake server: its journal, interceptor and planned faults, and the decoration
 * that puts them in front of every model session. Thread-safe.
 */
final class CommandHooks {
  private final FaktoryClock clock;
  private final Journal journal;
  private final FaultPlan faults = new FaultPlan();
  private final AtomicReference<Interceptor> interceptor = new AtomicReference<>(Interceptor.PROCEED);

  /** Creates the hooks; {@code journal} is null when the server keeps none. */
  CommandHooks(FaktoryClock clock, Journal journal) {
    this.clock = clock;
    this.journal = journal;
  }

  /** Returns {@code model} with the journal, interceptor and faults in front of it. */
  ServerSession decorate(ServerSession model, int connectionIndex) {
    CommandStage stages = new InterceptingStage(interceptor::get,
        new FaultStage(faults, clock, command -> model.handle(command.line())));
    if (journal != null) {
      stages = new RecordingStage(journal, stages);
    }
    return new DecoratedSession(model, stages, clock, connectionIndex);
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
}
