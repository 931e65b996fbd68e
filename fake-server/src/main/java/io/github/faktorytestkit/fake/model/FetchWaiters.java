package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * FETCH commands blocked on empty queues (Redis BRPOP with a 2 s timeout): a push to one of a waiter's queues hands
 * it the job, first come first served; otherwise it gets nothing when its 2 s pass on the clock (a wait the clock
 * may end by itself when the test leaves it alone: {@code FaktoryClock.scheduleWait}). A waiter whose
 * connection closed keeps waiting and can still take (and reserve) a job, as the real server only notices the closed
 * socket when it writes the reply. Confined to the model lock; stages complete after the lock is released.
 */
public final class FetchWaiters {
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

  private final List<Waiter> waiting = new ArrayList<>();
  private final ModelCore core;

  FetchWaiters(ModelCore core) {
    this.core = core;
  }

  /**
   * Registers a FETCH waiting on {@code queues} for {@code wid}. The stage completes with the reserved job's JSON,
   * with null when the wait times out, or exceptionally with an {@link ErrorReplyException} when the reservation
   * fails. A wait on no queue ends only by its timeout.
   */
  public CompletionStage<String> await(List<String> queues, String wid) {
    Waiter waiter = new Waiter(List.copyOf(queues), wid);
    waiting.add(waiter);
    waiter.deadline = core.atEndOfWait(core.now().plus(FETCH_TIMEOUT), () -> timeOut(waiter));
    return waiter.result;
  }

  /** Hands jobs just pushed to {@code queue} to the waiters blocked on it, oldest waiter first. */
  void onPush(String queue) {
    if (waiting.isEmpty()) {
      return; // the common case under load: no copy of an empty list per push
    }
    for (Waiter waiter : new ArrayList<>(waiting)) {
      if (waiter.queues.contains(queue)) {
        String payload = popQuietly(queue);
        if (payload == null) {
          return;
        }
        waiting.remove(waiter);
        waiter.deadline.cancel();
        reserve(waiter, payload);
      }
    }
  }

  /**
   * Ends every waiting FETCH with nothing, as its timeout would, for a server reset between tests: a FETCH left
   * by the previous test's worker (often on a connection that closed, on a clock no one moves any more) must not
   * take the next test's jobs.
   */
  void reset() {
    for (Waiter waiter : new ArrayList<>(waiting)) {
      waiter.deadline.cancel();
      timeOut(waiter);
    }
  }

  private void timeOut(Waiter waiter) {
    if (waiting.remove(waiter)) {
      core.lock().afterUnlock(() -> waiter.result.complete(null));
    }
  }

  private void reserve(Waiter waiter, String payload) {
    try {
      String job = core.reservations().reserve(payload, waiter.wid);
      core.lock().afterUnlock(() -> waiter.result.complete(job));
    } catch (ErrorReplyException e) {
      core.lock().afterUnlock(() -> waiter.result.completeExceptionally(e));
    }
  }

  private String popQuietly(String queue) {
    try {
      return core.keyspace().popFirst(List.of(queue));
    } catch (WrongTypeException e) {
      return null;
    }
  }

  /** One blocked FETCH. */
  private static final class Waiter {
    final List<String> queues;
    final String wid;
    final CompletableFuture<String> result = new CompletableFuture<>();
    FaktoryClock.Cancellable deadline;

    Waiter(List<String> queues, String wid) {
      this.queues = queues;
      this.wid = wid;
    }
  }
}
