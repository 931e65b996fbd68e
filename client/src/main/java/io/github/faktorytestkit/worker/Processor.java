package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.client.FaktoryCommandException;
import io.github.faktorytestkit.protocol.Job;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * One of a worker's processors: on its own connection, FETCH a job, perform it, report it (ACK or FAIL), until the
 * worker stops fetching. A report survives a lost connection: it is sent again after the reconnect.
 */
final class Processor implements Runnable {
  private final String name;
  private final WorkerConnection connection;
  private final Lifecycle lifecycle;
  private final QueueOrder queues;
  private final JobHandler chain;
  private final Logger log;
  private final AtomicReference<HeldJob> held = new AtomicReference<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  Processor(String name, WorkerConnection connection, Lifecycle lifecycle, QueueOrder queues, JobHandler chain,
      Logger log) {
    this.name = name;
    this.connection = connection;
    this.lifecycle = lifecycle;
    this.queues = queues;
    this.chain = chain;
    this.log = log;
  }

  @Override
  public void run() {
    try {
      while (lifecycle.fetching()) {
        connection.call("FETCH", client -> client.fetch(queues.next()), lifecycle.stopFetching())
            .ifPresent(this::process);
      }
    } catch (WorkerStoppedException e) {
      log.debug("{}: {}", name, e.getMessage());
    } catch (RuntimeException | Error e) {
      log.error("{}: stopped by an unexpected error", name, e);
      throw e;
    } finally {
      connection.close();
      done.complete(null);
    }
  }

  /** Completes when this processor has stopped and closed its connection. */
  CompletableFuture<Void> done() {
    return done;
  }

  /** Closes the connection, aborting a command in progress (a FETCH the server still holds). */
  void closeConnection() {
    connection.close();
  }

  /** Takes the job whose handler still runs for the shutdown (see {@link HeldJob#abandon}), if there is one. */
  Optional<Abandoned> abandon(Duration timeout) {
    HeldJob job = held.get();
    WorkerShutdownException failure = job == null ? null : job.abandon(timeout);
    return failure == null ? Optional.empty() : Optional.of(new Abandoned(job.job(), failure));
  }

  /** A job taken from a processor at shutdown, and the failure to report for it. */
  record Abandoned(Job job, WorkerShutdownException failure) {}

  private void process(Job job) {
    HeldJob holding = new HeldJob(job, Thread.currentThread());
    held.set(holding);
    try {
      Throwable failure = perform(job);
      if (holding.claimReport()) {
        report(job, failure);
      } else {
        log.debug("{}: job {} was failed by the shutdown; its outcome is dropped", name, job.jid());
      }
    } finally {
      held.set(null);
      Thread.interrupted(); // an interrupt from the shutdown was meant for the handler only
    }
  }

  private Throwable perform(Job job) {
    try {
      chain.perform(job);
      return null;
    } catch (Exception | Error e) {
      log.warn("{}: job {} ({}) failed: {}", name, job.jid(), job.jobtype(), e.toString());
      return e;
    }
  }

  private void report(Job job, Throwable failure) {
    String command = failure == null ? "ACK" : "FAIL";
    try {
      connection.call(command, client -> {
        if (failure == null) {
          client.ack(job.jid());
        } else {
          client.fail(job.jid(), failure);
        }
        return null;
      }, lifecycle.closing());
    } catch (FaktoryCommandException e) {
      log.warn("{}: the server refused {} of job {}: {}", name, command, job.jid(), e.getMessage());
    } catch (WorkerStoppedException e) {
      log.error("{}: {} of job {} not sent before the worker stopped; the server retries the job once its"
          + " reservation expires", name, command, job.jid());
      throw e;
    }
  }
}
