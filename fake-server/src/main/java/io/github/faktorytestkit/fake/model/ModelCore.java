package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.redis.Keyspace;
import java.time.Instant;
import java.util.Random;

/**
 * The whole server model in one place: Redis's data ({@link Keyspace}), the managers the real server keeps beside
 * it, the clock and the lock. Everything it holds is read and written under {@link #lock()}; each manager owns its
 * data, its statistics and its reset. {@link FaktoryModel}, the sessions and the test view are its faces.
 */
public final class ModelCore {
  /** Faktory's built-in retry default, {@code client.RetryPolicyDefault}. */
  static final long RETRY_POLICY_DEFAULT = 25;

  private final ModelLock lock = new ModelLock();
  private final FaktoryClock clock;
  private final ModelSettings settings;
  private final Random random;
  private final Keyspace keyspace = new Keyspace();
  private final Queues queues = new Queues(this);
  private final Reservations reservations = new Reservations(this);
  private final SetScanner scanner = new SetScanner(this);
  private final FetchWaiters waiters = new FetchWaiters(this);
  private final Workers workers = new Workers(this);
  private final RuntimeStats stats;
  private long retryDefault = RETRY_POLICY_DEFAULT;
  private Instant lastCreatedAt = Instant.MIN;

  ModelCore(ModelSettings settings, FaktoryClock clock) {
    this.settings = settings;
    this.clock = clock;
    this.random = settings.seed() == null ? new Random() : new Random(settings.seed());
    this.stats = new RuntimeStats(clock.now());
  }

  /** Returns the current time on the model's clock. */
  public Instant now() {
    return clock.now();
  }

  /**
   * Returns the {@code created_at} of a job pushed now: the clock's time, but always after the last one handed out.
   * Real Faktory stamps with the wall clock in nanoseconds, so two pushes never share a stamp, and two identical
   * scheduled jobs are two members of the scheduled set; on a clock a test holds still they would collide into one.
   * The caller holds the lock.
   */
  public String createdAtNow() {
    Instant now = clock.now();
    lastCreatedAt = now.isAfter(lastCreatedAt) ? now : lastCreatedAt.plusNanos(1);
    return GoTime.format(lastCreatedAt);
  }

  /**
   * Runs {@code task} under the lock once the clock reaches {@code when}; a time not after now runs as soon as the
   * current holder releases the lock. Returns a handle that calls the task off.
   */
  public FaktoryClock.Cancellable at(Instant when, Runnable task) {
    if (!when.isAfter(now())) {
      boolean[] cancelled = new boolean[1];
      lock.afterUnlock(() -> lock.run(() -> {
        if (!cancelled[0]) {
          task.run();
        }
      }));
      return () -> cancelled[0] = true;
    }
    return clock.schedule(when, () -> lock.run(task));
  }

  /**
   * Works like {@link #at} for the end of a wait a client is blocked on, which a clock may reach by itself when the
   * test leaves it alone ({@link FaktoryClock#scheduleWait}).
   */
  public FaktoryClock.Cancellable atEndOfWait(Instant when, Runnable task) {
    return when.isAfter(now()) ? clock.scheduleWait(when, () -> lock.run(task)) : at(when, task);
  }

  /** Returns the model's one lock. */
  public ModelLock lock() {
    return lock;
  }

  /** Returns the server's settings. */
  public ModelSettings settings() {
    return settings;
  }

  /** Returns the server's randomness (handshake salts, retry jitter), seeded by the settings. */
  public Random random() {
    return random;
  }

  /** Returns what the server keeps in Redis. */
  public Keyspace keyspace() {
    return keyspace;
  }

  /** Returns the queue registry and paused list. */
  public Queues queues() {
    return queues;
  }

  /** Returns the reservations of fetched jobs. */
  public Reservations reservations() {
    return reservations;
  }

  /** Returns the FETCH commands waiting for a job. */
  public FetchWaiters waiters() {
    return waiters;
  }

  /** Returns the worker registry. */
  public Workers workers() {
    return workers;
  }

  /** Returns the connection and command counters. */
  public RuntimeStats stats() {
    return stats;
  }

  SetScanner scanner() {
    return scanner;
  }

  /**
   * Returns the process-wide retry default. PUSH decodes into a job whose retry points at Go's global
   * {@code RetryPolicyDefault}, so an explicit {@code "retry":N} overwrites it for every later job.
   */
  public long retryDefault() {
    return retryDefault;
  }

  /** Overwrites the process-wide retry default (see {@link #retryDefault()}). */
  public void overwriteRetryDefault(long retry) {
    retryDefault = retry;
  }

  /**
   * Empties everything as a freshly started server; open connections and their workers stay, and a FETCH still
   * waiting gets nothing.
   */
  void reset() {
    waiters.reset();
    keyspace.flushDb();
    queues.reset();
    reservations.reset();
    scanner.reset();
    workers.reset();
    stats.reset(now());
    retryDefault = RETRY_POLICY_DEFAULT;
    lastCreatedAt = Instant.MIN;
  }
}
