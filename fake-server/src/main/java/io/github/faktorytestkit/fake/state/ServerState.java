package io.github.faktorytestkit.fake.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoTime;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.JobJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The test-facing view of a fake server: seed it directly, inspect it, signal workers as the Web UI does, reset it.
 * Every method returns immutable snapshots, never live collections. Thread-safe: each call takes the model lock.
 * Jobs are stored as the real server stores them (Go's JSON), so a seeded job comes back with Go's formatting.
 */
public final class ServerState {
  private final ModelCore core;

  ServerState(ModelCore core) {
    this.core = core;
  }

  /** Returns the known queue names (INFO's), sorted; FLUSH keeps them, QUEUE REMOVE drops one. */
  public List<String> queueNames() {
    return locked(() -> List.copyOf(core.queues.known));
  }

  /** Returns how many jobs wait in {@code queue}. */
  public int queueSize(String queue) {
    return locked(() -> core.redis.listOldestFirst(queue).size());
  }

  /** Returns the jobs waiting in {@code queue}, the one FETCH takes next first. */
  public List<Job> jobs(String queue) {
    return jobsJson(queue).stream().map(ServerState::toJob).toList();
  }

  /** Returns the jobs waiting in {@code queue} exactly as stored (Go's JSON), the one FETCH takes next first. */
  public List<String> jobsJson(String queue) {
    return locked(() -> core.redis.listOldestFirst(queue));
  }

  /** Returns the scheduled set, soonest first. */
  public List<SetEntry> scheduled() {
    return entries(core.redis.scheduled);
  }

  /** Returns the retries set, soonest first. */
  public List<SetEntry> retries() {
    return entries(core.redis.retries);
  }

  /** Returns the dead set, by purge time. */
  public List<SetEntry> dead() {
    return entries(core.redis.dead);
  }

  /** Returns the reservations of fetched jobs not yet ACKed or FAILed, in fetch order. */
  public List<Reservation> working() {
    return locked(() -> core.reservations.byJid.values().stream()
        .map(r -> new Reservation(r.job.jid, toJob(r.job.toJson()), r.wid, r.since, r.expiry)).toList());
  }

  /** Returns the registered workers, in registration order. */
  public List<WorkerInfo> workers() {
    return locked(() -> core.workers.byWid.values().stream().map(ServerState::toWorker).toList());
  }

  /** Returns the worker registered as {@code wid}, if any. */
  public Optional<WorkerInfo> worker(String wid) {
    return workers().stream().filter(w -> w.wid().equals(wid)).findFirst();
  }

  /** Returns the counters INFO reports. */
  public Counters counters() {
    return locked(() -> new Counters(core.redis.peekCounter("processed"), core.redis.peekCounter("failures"),
        core.stats.commands, core.stats.connections));
  }

  /** Returns the queues FETCH skips as paused, in pause order. */
  public List<String> pausedQueues() {
    return locked(() -> List.copyOf(core.queues.paused));
  }

  /**
   * Returns the retry count a job pushed without {@code retry} gets: 25, unless a PUSH with an explicit retry
   * changed it (a real-server quirk the model keeps).
   */
  public long retryDefault() {
    return locked(() -> core.retryDefault);
  }

  /**
   * Returns what INFO would answer now.
   *
   * @throws IllegalStateException when INFO would answer an error (a queue named like a Redis key of Faktory's)
   */
  public String info() {
    return locked(() -> orFail(() -> InfoReport.build(core)));
  }

  /**
   * Enqueues {@code job} as an immediate PUSH would (defaults for queue, retry and created_at; fresh enqueued_at),
   * skipping PUSH's validation of jid, jobtype and args; wakes a waiting FETCH.
   *
   * @throws IllegalStateException with the server's error text when it would refuse (an invalid queue name)
   */
  public void enqueue(Job job) {
    run(() -> {
      GoJob goJob = pushed(job);
      orFail(() -> core.queues.enqueue(goJob));
    });
  }

  /** Puts {@code job} in the scheduled set for {@code at} (its {@code at} field set accordingly), with PUSH's defaults. */
  public void schedule(Job job, Instant at) {
    run(() -> {
      GoJob goJob = pushed(job);
      goJob.at = GoTime.format(at);
      addTo(core.redis.scheduled, at, goJob);
    });
  }

  /** Puts {@code job} in the retries set, to be enqueued at {@code at}; the job is stored as given. */
  public void addRetry(Job job, Instant at) {
    run(() -> addTo(core.redis.retries, at, goJob(job)));
  }

  /** Puts {@code job} in the dead set, to be purged at {@code expiresAt}; the job is stored as given. */
  public void addDead(Job job, Instant expiresAt) {
    run(() -> addTo(core.redis.dead, expiresAt, goJob(job)));
  }

  /** Pauses known queues as {@code QUEUE PAUSE} does (unknown names are ignored). */
  public void pause(String... queues) {
    run(() -> List.of(queues).forEach(core.queues::pause));
  }

  /** Resumes queues as {@code QUEUE RESUME} does. */
  public void resume(String... queues) {
    run(() -> List.of(queues).forEach(core.queues::resume));
  }

  /** Tells the worker {@code wid} (or every worker for "all") to go quiet, as the Web UI's POST /busy does. */
  public void quiet(String widOrAll) {
    run(() -> core.workers.signal(Objects.requireNonNull(widOrAll, "widOrAll"), WorkerState.QUIET));
  }

  /** Tells the worker {@code wid} (or every worker for "all") to terminate, as the Web UI's POST /busy does. */
  public void terminate(String widOrAll) {
    run(() -> core.workers.signal(Objects.requireNonNull(widOrAll, "widOrAll"), WorkerState.TERMINATE));
  }

  /** Does what the FLUSH command does, quirks included (see {@link ServerCommands#flush}). */
  public void flush() {
    run(core.redis::flushDb);
  }

  /**
   * Empties everything, as a freshly started server: data, known queues, paused list, reservations, counters,
   * task statistics, the retry default, and the uptime. Open connections and their worker registrations stay.
   */
  public void reset() {
    run(() -> {
      core.redis.flushDb();
      core.queues.known.clear();
      core.queues.paused.clear();
      core.reservations.byJid.clear();
      core.reservations.reaped = 0;
      core.timedSets.reset();
      core.workers.reaped = 0;
      core.stats.commands = 0;
      core.stats.startedAt = core.now();
      core.retryDefault = ModelCore.RETRY_POLICY_DEFAULT;
    });
  }

  private GoJob pushed(Job job) {
    GoJob goJob = goJob(job);
    goJob.queue = goJob.queue.isEmpty() ? "default" : goJob.queue;
    goJob.retry = goJob.retry == null ? core.retryDefault : goJob.retry;
    goJob.createdAt = goJob.createdAt.isEmpty() ? GoTime.format(core.now()) : goJob.createdAt;
    return goJob;
  }

  private void addTo(SortedJobSet set, Instant at, GoJob job) {
    orFail(() -> core.redis.zadd(set, at, job.toJson()));
    core.timedSets.watch(set, at);
  }

  private List<SetEntry> entries(SortedJobSet set) {
    return locked(() -> set.entries().stream()
        .map(e -> new SetEntry(e.score(), toJob(e.payload()), e.payload())).toList());
  }

  private static WorkerInfo toWorker(ClientData c) {
    return new WorkerInfo(c.wid, c.hostname, c.pid, c.labels, c.state, c.startedAt, c.lastHeartbeat, c.rssKb,
        c.connections.size());
  }

  private static GoJob goJob(Job job) {
    try {
      return GoJob.parse(JobJson.toJson(Objects.requireNonNull(job, "job")));
    } catch (GoJsonException e) {
      throw new IllegalArgumentException("job: " + job + " (expected: a job the server can store)", e);
    }
  }

  private static Job toJob(String payload) {
    try {
      return JobJson.parse(payload);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T locked(Supplier<T> body) {
    return core.lock.call(body);
  }

  private void run(Runnable body) {
    core.lock.run(body);
  }

  private static <T> T orFail(ThrowingSupplier<T> body) {
    try {
      return body.get();
    } catch (CommandException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void orFail(ThrowingAction body) {
    orFail(() -> {
      body.run();
      return null;
    });
  }

  private interface ThrowingSupplier<T> {
    T get() throws CommandException;
  }

  private interface ThrowingAction {
    void run() throws CommandException;
  }
}
