package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.WorkerState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The test-facing view of a fake server ({@link FakeFaktory#state()}): seed it directly, inspect it, signal workers
 * as the Web UI does, reset it. Every method returns immutable snapshots, never live collections. Thread-safe: each
 * call takes the model lock. Jobs are stored as the real server stores them (Go's JSON), so a seeded job comes back
 * with Go's formatting.
 */
public interface ServerState {

  /** Returns the known queue names (INFO's), sorted; FLUSH keeps them, QUEUE REMOVE drops one. */
  List<String> queueNames();

  /** Returns how many jobs wait in {@code queue}. */
  int queueSize(String queue);

  /** Returns the jobs waiting in {@code queue}, the one FETCH takes next first. */
  List<Job> jobs(String queue);

  /** Returns the jobs waiting in {@code queue} exactly as stored (Go's JSON), the one FETCH takes next first. */
  List<String> jobsJson(String queue);

  /** Returns the scheduled set, soonest first. */
  List<SetEntry> scheduled();

  /** Returns the retries set, soonest first. */
  List<SetEntry> retries();

  /** Returns the dead set, by purge time. */
  List<SetEntry> dead();

  /** Returns the reservations of fetched jobs not yet ACKed or FAILed, in fetch order. */
  List<Reservation> working();

  /** Returns the registered workers, in registration order. */
  List<Worker> workers();

  /** Returns the worker registered as {@code wid}, if any. */
  default Optional<Worker> worker(String wid) {
    return workers().stream().filter(w -> w.wid().equals(wid)).findFirst();
  }

  /** Returns the counters INFO reports. */
  Counters counters();

  /** Returns the queues FETCH skips as paused, in pause order. */
  List<String> pausedQueues();

  /**
   * Returns the retry count a job pushed without {@code retry} gets: 25, unless a PUSH with an explicit retry
   * changed it (a real-server quirk the model keeps).
   */
  long retryDefault();

  /**
   * Returns what INFO would answer now.
   *
   * @throws IllegalStateException when INFO would answer an error (a queue named like a Redis key of Faktory's)
   */
  String info();

  /**
   * Enqueues {@code job} as an immediate PUSH would (defaults for queue, retry and created_at; fresh enqueued_at),
   * skipping PUSH's validation of jid, jobtype and args; wakes a waiting FETCH.
   *
   * @throws IllegalStateException with the server's error text when it would refuse (an invalid queue name)
   */
  void enqueue(Job job);

  /** Puts {@code job} in the scheduled set for {@code at} (its {@code at} field set accordingly), with PUSH's defaults. */
  void schedule(Job job, Instant at);

  /** Puts {@code job} in the retries set, to be enqueued at {@code at}; the job is stored as given. */
  void addRetry(Job job, Instant at);

  /** Puts {@code job} in the dead set, to be purged at {@code expiresAt}; the job is stored as given. */
  void addDead(Job job, Instant expiresAt);

  /** Pauses known queues as {@code QUEUE PAUSE} does (unknown names are ignored). */
  void pause(String... queues);

  /** Resumes queues as {@code QUEUE RESUME} does. */
  void resume(String... queues);

  /** Tells the worker {@code wid} (or every worker for "all") to go quiet, as the Web UI's POST /busy does. */
  void quiet(String widOrAll);

  /** Tells the worker {@code wid} (or every worker for "all") to terminate, as the Web UI's POST /busy does. */
  void terminate(String widOrAll);

  /**
   * Does what the FLUSH command does, quirks included: Redis is emptied, but the known queue names, the paused
   * list and the reservations ACK and FAIL look up survive.
   */
  void flush();

  /**
   * Empties everything, as a freshly started server: data, known queues, paused list, reservations, counters,
   * task statistics, the retry default, and the uptime. Open connections and their worker registrations stay; a
   * FETCH still waiting gets an empty reply at once, as when its wait times out, so it takes no job seeded after.
   */
  void reset();

  /**
   * An entry of the scheduled, retries or dead set: a job and the time the server acts on it (scheduled and
   * retries: when it is enqueued; dead: when it is purged, 180 days after death).
   *
   * @param at the entry's time
   * @param job the job
   * @param json the job exactly as the server stores it (Go's JSON)
   */
  record SetEntry(Instant at, Job job, String json) {
    /** Creates the value. */
    public SetEntry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * A fetched job awaiting ACK or FAIL.
   *
   * @param jid the job id
   * @param job the job as fetched
   * @param wid the fetching connection's worker id ("" for a connection without one)
   * @param reservedAt when it was fetched
   * @param expiresAt when the reservation expires and the job fails with {@code ReservationExpired}
   */
  record Reservation(String jid, Job job, String wid, Instant reservedAt, Instant expiresAt) {}

  /**
   * A registered worker process, as the Web UI's Busy page shows it.
   *
   * @param wid the worker id
   * @param hostname the host name from HELLO
   * @param pid the process id from HELLO
   * @param labels the labels from HELLO (null when HELLO had none)
   * @param state running, quiet or terminate
   * @param startedAt when it registered
   * @param lastBeat when it last sent BEAT (or registered)
   * @param rssKb the memory size from its last BEAT
   * @param connections how many open connections use its wid
   */
  record Worker(String wid, String hostname, long pid, List<String> labels, WorkerState state, Instant startedAt,
      Instant lastBeat, long rssKb, int connections) {}

  /**
   * The server's counters, as INFO reports them.
   *
   * @param processed ACKed plus FAILed jobs (reservation expiries included); FLUSH resets it
   * @param failures FAILed jobs (reservation expiries included); FLUSH resets it
   * @param commandCount commands handled, END and errors included, unknown verbs excluded
   * @param connections open connections past their handshake
   */
  record Counters(long processed, long failures, long commandCount, long connections) {}
}
