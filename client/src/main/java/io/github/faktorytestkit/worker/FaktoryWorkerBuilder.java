package io.github.faktorytestkit.worker;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryClientBuilder;
import io.github.faktorytestkit.protocol.Job;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Configures and starts a {@link FaktoryWorker}. Not thread-safe.
 *
 * <p>Defaults: the server the environment names ({@code FAKTORY_URL}), a random wid, 20 processors, the queue
 * {@code default}, a heartbeat every 15 s, a shutdown timeout of 25 s (as {@code faktory_worker_go}), the wall
 * clock, no middleware.
 */
public final class FaktoryWorkerBuilder {
  private FaktoryClientBuilder client = FaktoryClient.builder();
  private String wid = Job.randomJid();
  private int concurrency = 20;
  private QueueOrder queues = QueueOrder.strict("default");
  private Duration heartbeatInterval = Duration.ofSeconds(15);
  private Duration shutdownTimeout = Duration.ofSeconds(25);
  private WorkerClock clock = WorkerClock.system();
  private final Map<String, JobHandler> handlers = new LinkedHashMap<>();
  private final List<JobMiddleware> middleware = new ArrayList<>();

  FaktoryWorkerBuilder() {}

  /** Sets the server, e.g. {@code tcp://:password@localhost:7419}. */
  public FaktoryWorkerBuilder url(String url) {
    client.url(url);
    return this;
  }

  /** Sets the server from a URI of the same form as {@link #url(String)}. */
  public FaktoryWorkerBuilder url(URI url) {
    client.url(url);
    return this;
  }

  /**
   * Sets how connections are made (server, password, TLS, timeouts, labels); the worker sets its wid on
   * {@code client} and uses it for every connection it opens.
   */
  public FaktoryWorkerBuilder client(FaktoryClientBuilder client) {
    this.client = Objects.requireNonNull(client, "client");
    return this;
  }

  /** Sets the worker id (default: random); it must be unique among the server's workers. */
  public FaktoryWorkerBuilder wid(String wid) {
    if (Objects.requireNonNull(wid, "wid").isEmpty()) {
      throw new IllegalArgumentException("wid: empty (expected: a non-empty id; an empty one makes a producer)");
    }
    this.wid = wid;
    return this;
  }

  /** Sets the number of processors, each performing one job at a time on its own connection. */
  public FaktoryWorkerBuilder concurrency(int processors) {
    if (processors < 1) {
      throw new IllegalArgumentException("processors: " + processors + " (expected: >= 1)");
    }
    this.concurrency = processors;
    return this;
  }

  /** Fetches from {@code queues} in strict order: {@link QueueOrder#strict}. */
  public FaktoryWorkerBuilder queues(String... queues) {
    return queueOrder(QueueOrder.strict(queues));
  }

  /** Fetches from the queues in weighted random order: {@link QueueOrder#weighted}. */
  public FaktoryWorkerBuilder weightedQueues(Map<String, Integer> weights) {
    return queueOrder(QueueOrder.weighted(weights));
  }

  /** Sets the order the queues are fetched in. */
  public FaktoryWorkerBuilder queueOrder(QueueOrder order) {
    this.queues = Objects.requireNonNull(order, "order");
    return this;
  }

  /**
   * Registers {@code handler} for the jobs of {@code jobtype}. A fetched job whose jobtype has no handler is FAILed
   * with {@link UnknownJobTypeException}.
   *
   * @throws IllegalArgumentException when {@code jobtype} has a handler already
   */
  public FaktoryWorkerBuilder handle(String jobtype, JobHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (handlers.putIfAbsent(Objects.requireNonNull(jobtype, "jobtype"), handler) != null) {
      throw new IllegalArgumentException("jobtype: " + jobtype + " (expected: one handler per jobtype)");
    }
    return this;
  }

  /** Adds {@code middleware} around every job; the first added runs outermost. */
  public FaktoryWorkerBuilder use(JobMiddleware middleware) {
    this.middleware.add(Objects.requireNonNull(middleware, "middleware"));
    return this;
  }

  /** Sets the time between BEATs (default 15 s; Faktory wants one at least every 60 s). */
  public FaktoryWorkerBuilder heartbeatInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
    }
    this.heartbeatInterval = interval;
    return this;
  }

  /** Sets how long terminate waits for the jobs in hand before it FAILs them (default 25 s). */
  public FaktoryWorkerBuilder shutdownTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
    }
    this.shutdownTimeout = timeout;
    return this;
  }

  /** Sets the clock the heartbeat, the reconnect backoff and the shutdown timeout run on (default: the wall). */
  public FaktoryWorkerBuilder clock(WorkerClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Connects the control connection (so a wrong URL or password fails here), then starts the heartbeat and the
   * processors, and returns the running worker.
   *
   * @throws io.github.faktorytestkit.client.FaktoryException when the server cannot be reached or refuses the
   *     handshake
   * @throws IllegalStateException when no handler is registered
   */
  public FaktoryWorker start() {
    if (handlers.isEmpty()) {
      throw new IllegalStateException("handlers: none (expected: at least one, see handle(jobtype, handler))");
    }
    FaktoryWorker worker = new FaktoryWorker(settings());
    worker.start(heartbeatInterval);
    return worker;
  }

  private Settings settings() {
    FaktoryClientBuilder connections = client.wid(wid);
    Supplier<FaktoryClient> connector = () -> {
      synchronized (connections) {
        return connections.connect();
      }
    };
    return new Settings(wid, concurrency, queues, clock, shutdownTimeout, connector,
        Dispatch.chain(Map.copyOf(handlers), List.copyOf(middleware)));
  }

  /** What a worker is built from. */
  record Settings(String wid, int concurrency, QueueOrder queues, WorkerClock clock, Duration shutdownTimeout,
      Supplier<FaktoryClient> connector, JobHandler chain) {

    List<Processor> processors(Lifecycle lifecycle, Logger log) {
      List<Processor> processors = new ArrayList<>();
      for (int i = 1; i <= concurrency; i++) {
        String name = "worker " + wid + " processor " + i;
        processors.add(new Processor(name, new WorkerConnection(name, connector, clock, log), lifecycle, queues,
            chain, log));
      }
      return List.copyOf(processors);
    }
  }
}
