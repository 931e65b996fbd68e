package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Job;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A well-behaved client on its own connection doing PUSH, FETCH and ACK in a loop while hostile sessions run
 * ({@link HostileInputIT}): each round must get its own job back. Stopped by {@link #close()}, which returns
 * after the loop ended.
 */
final class Canary implements AutoCloseable {
  private final Thread thread;
  private final AtomicInteger rounds = new AtomicInteger();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private volatile boolean running = true;

  private Canary(Target server) {
    thread = new Thread(() -> loop(server), "canary");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts the canary against {@code server}. */
  static Canary start(Target server) {
    return new Canary(server);
  }

  private void loop(Target server) {
    try (FaktoryClient client = server.connect()) {
      while (running) {
        Job job = Job.builder("Canary").queue("canary").args(rounds.get()).build();
        client.push(job);
        String fetched = client.fetch("canary").map(Job::jid).orElse("nothing");
        if (!fetched.equals(job.jid())) {
          failure.compareAndSet(null, "round " + rounds.get() + ": fetched " + fetched + ", pushed " + job.jid());
          return;
        }
        client.ack(fetched);
        rounds.incrementAndGet();
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, "round " + rounds.get() + ": " + e);
    }
  }

  /** Returns the rounds completed so far. */
  int rounds() {
    return rounds.get();
  }

  /** Returns what went wrong, or null while every round was served. */
  String failure() {
    return failure.get();
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
