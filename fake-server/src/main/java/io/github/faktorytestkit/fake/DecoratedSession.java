package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.FaktoryClock;
import io.github.faktorytestkit.fake.state.Outcome;
import io.github.faktorytestkit.fake.state.ServerSession;
import io.github.faktorytestkit.protocol.Reply;
import java.util.concurrent.CompletionStage;

/**
 * The session the transport talks to: numbers each line, stamps it with the fake clock's time and passes it
 * through the test stages (journal, interceptor, faults) to the model's own session.
 *
 * <p>Not thread-safe by itself: the transport calls {@link #handle} one line at a time per connection.
 */
final class DecoratedSession implements ServerSession {
  private final ServerSession model;
  private final CommandStage stages;
  private final FaktoryClock clock;
  private final int connectionIndex;
  private int nextExchange;

  DecoratedSession(ServerSession model, CommandStage stages, FaktoryClock clock, int connectionIndex) {
    this.model = model;
    this.stages = stages;
    this.clock = clock;
    this.connectionIndex = connectionIndex;
  }

  @Override
  public Reply greeting() {
    return model.greeting();
  }

  @Override
  public CompletionStage<Outcome> handle(String line) {
    return stages.handle(new ReceivedCommand(connectionIndex, nextExchange++, line, clock.now()));
  }

  @Override
  public void closed() {
    model.closed();
  }
}
