package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.protocol.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * FETCH commands blocked on empty queues (Redis BRPOP with a 2 s timeout): a push to one of a waiter's queues hands
 * it the job, first come first served; otherwise it gets {@code $-1} when its 2 s pass on the clock. A waiter whose
 * connection closed keeps waiting and can still take (and reserve) a job, as the real server only notices the closed
 * socket when it writes the reply. Confined to the model lock; futures complete after the lock is released.
 */
final class FetchWaiters {
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

  private final List<Waiter> waiting = new ArrayList<>();
  private final ModelCore core;

  FetchWaiters(ModelCore core) {
    this.core = core;
  }

  /** Registers a FETCH waiting on {@code queues} for {@code wid}; its outcome completes {@code result}. */
  void await(List<String> queues, String wid, CompletableFuture<Outcome> result) {
    Waiter waiter = new Waiter(List.copyOf(queues), wid, result);
    waiting.add(waiter);
    waiter.deadline = core.at(core.now().plus(FETCH_TIMEOUT), () -> timeOut(waiter));
  }

  /** Hands jobs just pushed to {@code queue} to the waiters blocked on it, oldest waiter first. */
  void onPush(String queue) {
    for (Waiter waiter : new ArrayList<>(waiting)) {
      if (waiter.queues.contains(queue)) {
        String payload = popQuietly(queue);
        if (payload == null) {
          return;
        }
        waiting.remove(waiter);
        waiter.deadline.cancel();
        complete(waiter, reserve(payload, waiter.wid));
      }
    }
  }

  private void timeOut(Waiter waiter) {
    if (waiting.remove(waiter)) {
      complete(waiter, Outcome.send(Reply.NULL_BULK));
    }
  }

  private Outcome reserve(String payload, String wid) {
    try {
      return Outcome.send(Reply.bulk(core.reservations.reserve(payload, wid)));
    } catch (CommandException e) {
      return Outcome.error(e.getMessage());
    }
  }

  private String popQuietly(String queue) {
    try {
      return core.redis.popFirst(List.of(queue));
    } catch (CommandException e) {
      return null;
    }
  }

  private void complete(Waiter waiter, Outcome outcome) {
    core.lock.afterUnlock(() -> waiter.result.complete(outcome));
  }

  /** One blocked FETCH. */
  private static final class Waiter {
    final List<String> queues;
    final String wid;
    final CompletableFuture<Outcome> result;
    FaktoryClock.Cancellable deadline;

    Waiter(List<String> queues, String wid, CompletableFuture<Outcome> result) {
      this.queues = queues;
      this.wid = wid;
      this.result = result;
    }
  }
}
