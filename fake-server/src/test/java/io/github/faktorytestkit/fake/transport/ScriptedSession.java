package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.github.faktorytestkit.fake.session.ClientConnection;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.session.ServerSession;
import io.github.faktorytestkit.protocol.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the model's session: greets with {@code +HI {"v":2}}, answers {@code +OK} to every line unless a
 * test scripted a pending stage for it, and records what it was told. Thread-safe.
 */
public final class ScriptedSession implements ServerSession {
  final List<String> lines = new CopyOnWriteArrayList<>();
  final Map<String, CompletableFuture<Outcome>> scripted = new ConcurrentHashMap<>();
  final AtomicInteger closedCalls = new AtomicInteger();
  /** Each line as it is handed over, for a test to wait on. */
  final BlockingQueue<String> handed = new LinkedBlockingQueue<>();
  /** Set when a line was handed over while the stage of an earlier one was still pending. */
  final AtomicBoolean handedWhilePending = new AtomicBoolean();
  volatile ClientConnection connection;
  private volatile CompletableFuture<Outcome> last = CompletableFuture.completedFuture(null);

  /** Returns every line handed to the session so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Returns a factory that hands out this session and remembers the connection. */
  SessionFactory factory() {
    return connection -> {
      this.connection = connection;
      return this;
    };
  }

  /** Makes the session answer {@code line} with the returned future, completed later by the test. */
  CompletableFuture<Outcome> pending(String line) {
    CompletableFuture<Outcome> future = new CompletableFuture<>();
    scripted.put(line, future);
    return future;
  }

  @Override
  public Reply greeting() {
    return Reply.simple("HI {\"v\":2}");
  }

  @Override
  public CompletionStage<Outcome> handle(String line) {
    if (!last.isDone()) {
      handedWhilePending.set(true);
    }
    lines.add(line);
    CompletableFuture<Outcome> future = scripted.remove(line);
    last = future != null ? future : CompletableFuture.completedFuture(Outcome.send(Reply.OK));
    handed.add(line);
    return last;
  }

  @Override
  public void closed() {
    closedCalls.incrementAndGet();
  }
}
