package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.protocol.WorkerState;
import io.github.faktorytestkit.client.FaktoryCommandException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Faktory worker process: processors that FETCH jobs, run the handler registered for their jobtype and ACK or
 * FAIL them, plus a heartbeat that BEATs every 15 s and obeys the server's quiet and terminate.
 *
 * <pre>{@code
 * FaktoryWorker worker = FaktoryWorker.builder()
 *     .url("tcp://localhost:7419")
 *     .handle("SendEmail", job -> mailer.send((String) job.args().get(0)))
 *     .queues("critical", "default")
 *     .concurrency(10)
 *     .start();
 * Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
 * }</pre>
 *
 * <p>Each processor has its own connection, all with this worker's wid; a control connection carries BEAT. A lost
 * connection is reopened with backoff (at once, then 1 s, 2 s, ... up to 30 s) and a job's ACK or FAIL is sent
 * again on the new one, so the worker never loses track of the jobs it holds.
 *
 * <p>Lifecycle: {@link #quiet()} stops fetching (jobs in hand finish); {@link #shutdown(Duration)} also stops
 * fetching, waits up to the timeout for the jobs in hand, then FAILs those still running (their handlers are
 * interrupted) so the server retries them, sends END on every connection and stops. The server's quiet and
 * terminate (Web UI) arrive with the next BEAT and do the same; terminate waits the builder's shutdown timeout. All
 * of this time runs on the builder's {@link WorkerClock}. Lifecycle events are logged to the SLF4J logger
 * {@code io.github.faktorytestkit.worker.FaktoryWorker}.
 *
 * <p>Thread-safe.
 */
public final class FaktoryWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaktoryWorker.class);

  /** Where a worker is in its lifecycle; it only moves forward. */
  public enum State {
    /** Fetching and performing jobs. */
    RUNNING,
    /** Fetching no more jobs; the jobs in hand finish. */
    QUIET,
    /** Shutting down: waiting for the jobs in hand, up to the timeout. */
    STOPPING,
    /** Stopped: every connection closed. */
    STOPPED
  }

  private final String wid;
  private final WorkerClock clock;
  private final Duration shutdownTimeout;
  private final Lifecycle lifecycle = new Lifecycle();
  private final WorkerConnection control;
  private final List<Processor> processors;
  private final String description;

  FaktoryWorker(FaktoryWorkerBuilder.Settings settings) {
    this.wid = settings.wid();
    this.clock = settings.clock();
    this.shutdownTimeout = settings.shutdownTimeout();
    this.control = new WorkerConnection("worker " + wid + " heartbeat", settings.connector(), clock, LOG);
    this.processors = settings.processors(lifecycle, LOG);
    this.description = "FaktoryWorker[" + wid + ", " + processors.size() + " processors, " + settings.queues() + "]";
  }

  /** Returns a builder; see {@link FaktoryWorkerBuilder} for the defaults. */
  public static FaktoryWorkerBuilder builder() {
    return new FaktoryWorkerBuilder();
  }

  void start(Duration heartbeatInterval) {
    control.open();
    startThread("heartbeat", new Heartbeat(control, lifecycle, clock, heartbeatInterval, this::obey, LOG));
    for (int i = 0; i < processors.size(); i++) {
      startThread("processor-" + (i + 1), processors.get(i));
    }
    LOG.info("{} started", description);
  }

  /** Returns this worker's id, as the server and its Web UI show it. */
  public String wid() {
    return wid;
  }

  /** Returns where the worker is in its lifecycle. */
  public State state() {
    return lifecycle.state();
  }

  /** Stops fetching jobs; the jobs in hand finish and are reported. The heartbeat goes on. Idempotent. */
  public void quiet() {
    if (lifecycle.quiet()) {
      LOG.info("{} quiet: fetching no more jobs", description);
    }
  }

  /** Shuts down with the builder's shutdown timeout, as the server's terminate does; see {@link #shutdown}. */
  public void terminate() {
    shutdown(shutdownTimeout);
  }

  /**
   * Starts the shutdown and returns at once: no more FETCH; the jobs in hand get up to {@code timeout} (on the
   * worker's clock) to finish; then those still running are FAILed with {@link WorkerShutdownException} and their
   * handlers interrupted; every connection sends END. Use {@link #awaitTermination} to wait for the end. Does
   * nothing when a shutdown is already under way.
   */
  public void shutdown(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
    }
    Instant deadline = clock.now().plus(timeout); // read before the state moves, so a test's advance comes after
    if (lifecycle.stop()) {
      LOG.info("{} stopping: fetching no more jobs, waiting up to {} for the jobs in hand", description, timeout);
      startThread("shutdown", () -> finishShutdown(deadline, timeout));
    }
  }

  /**
   * Waits up to {@code timeout} of real time for the worker to stop.
   *
   * @return true when it stopped, false when the time ran out
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    try {
      lifecycle.reached(State.STOPPED).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("worker " + wid + " failed to stop", e.getCause());
    }
  }

  /**
   * Returns a future that completes once the worker is in {@code state} or a later one: for instance to know, in a
   * test, that the server's quiet has arrived.
   */
  public CompletableFuture<Void> reached(State state) {
    return lifecycle.reached(state).copy();
  }

  /**
   * Stops at once, without a grace period ({@code shutdown(Duration.ZERO)}: jobs still running are FAILed), and
   * waits for the end, up to the builder's shutdown timeout of real time. For a graceful stop call
   * {@link #terminate()} and {@link #awaitTermination} instead.
   */
  @Override
  public void close() {
    shutdown(Duration.ZERO);
    try {
      if (!awaitTermination(shutdownTimeout)) {
        LOG.warn("{} did not stop within {}", description, shutdownTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return description + " " + state();
  }

  private void obey(WorkerState answer) {
    if (answer == WorkerState.QUIET) {
      quiet();
    } else if (answer == WorkerState.TERMINATE) {
      terminate();
    }
  }

  private void finishShutdown(Instant deadline, Duration timeout) {
    Waits.until(clock, deadline, allOf(processors));
    List<Processor.Abandoned> abandoned = processors.stream()
        .flatMap(processor -> processor.stopAtDeadline(timeout).stream())
        .toList();
    lifecycle.close();
    abandoned.forEach(this::failForShutdown);
    allOf(processors.stream().filter(Processor::reporting).toList()).join();
    control.close();
    lifecycle.finish();
    LOG.info("{} stopped{}", description,
        abandoned.isEmpty() ? "" : ": " + abandoned.size() + " job(s) still running were failed for a retry");
  }

  private static CompletableFuture<Void> allOf(List<Processor> processors) {
    return CompletableFuture.allOf(processors.stream().map(Processor::done).toArray(CompletableFuture[]::new));
  }

  private void failForShutdown(Processor.Abandoned job) {
    try {
      control.call("FAIL", client -> {
        client.fail(job.job().jid(), job.failure());
        return null;
      }, lifecycle.closing());
    } catch (FaktoryCommandException | WorkerStoppedException e) {
      LOG.error("{}: could not FAIL job {} at shutdown ({}); the server retries it once its reservation expires",
          description, job.job().jid(), e.getMessage());
    }
  }

  private void startThread(String role, Runnable body) {
    Thread thread = new Thread(body, "faktory-worker-" + wid + "-" + role);
    thread.setDaemon(true);
    thread.start();
  }
}
