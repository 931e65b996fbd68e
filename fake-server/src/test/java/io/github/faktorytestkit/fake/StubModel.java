package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.state.Outcome;
import io.github.faktorytestkit.fake.state.ServerSession;
import io.github.faktorytestkit.protocol.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A model stand-in that answers {@code +OK} to every line and remembers what reached it. */
final class StubModel {
  final List<String> handled = new CopyOnWriteArrayList<>();

  /** Returns a new session of this model. */
  ServerSession openSession() {
    return new ServerSession() {
      @Override
      public Reply greeting() {
        return Reply.simple("HI {\"v\":2}");
      }

      @Override
      public CompletionStage<Outcome> handle(String line) {
        handled.add(line);
        return CompletableFuture.completedFuture(Outcome.send(Reply.OK));
      }

      @Override
      public void closed() {}
    };
  }
}
