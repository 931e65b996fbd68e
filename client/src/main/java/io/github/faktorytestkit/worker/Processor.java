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

  /** Returns whether this processor is sending the ACK or FAIL of its job. */
  boolean reporting() {
    HeldJob job = held.get();
    return job != null && job.reporting();
  }

  /**
   * Stops this processor when the shutdown timeout has run out: a job whose handler still runs is taken for the
   * shutdown to FAIL (see {@link HeldJob#abandon}) and the connection closed, as is a connection waiting in FETCH; a
   * processor sending its report is left to finish it.
   *
   * @return the job taken, if any
   */
  Optional<Abandoned> stopAtDeadline(Duration timeout) {
    HeldJob job = held.get();
    if (job == null) {
      connection.close();
      return Optional.empty();
    }
    WorkerShutdownException failure = job.abandon(timeout);
    if (failure == null) {
      return Optional.empty();
    }
    connection.close();
    return Optional.of(new Abandoned(job.job(), failure));
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
