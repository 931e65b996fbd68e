package io.github.faktorytestkit.fake.state;

import java.time.Instant;
import java.util.Random;

/**
 * The whole server model in one place: Redis's data, the in-memory state the real server keeps beside it, the clock
 * and the lock. Every field is read and written under {@link #lock}. Package-private; {@link FaktoryModel},
 * {@link ServerState} and the sessions are its public faces.
 */
final class ModelCore {
  /** Faktory's built-in retry default, {@code client.RetryPolicyDefault}. */
  static final long RETRY_POLICY_DEFAULT = 25;

  final ModelLock lock = new ModelLock();
  final FaktoryClock clock;
  final ModelSettings settings;
  final Random random;
  final RedisData redis = new RedisData();
  final Queues queues = new Queues(this);
  final Reservations reservations = new Reservations(this);
  final TimedSets timedSets = new TimedSets(this);
  final FetchWaiters waiters = new FetchWaiters(this);
  final Workers workers = new Workers(this);
  final RuntimeStats stats;
  /**
   * The process-wide retry default. PUSH decodes into a job whose retry points at Go's global
   * {@code RetryPolicyDefault}, so an explicit {@code "retry":N} overwrites it for every later job.
   */
  long retryDefault = RETRY_POLICY_DEFAULT;

  ModelCore(ModelSettings settings, FaktoryClock clock) {
    this.settings = settings;
    this.clock = clock;
    this.random = settings.seed() == null ? new Random() : new Random(settings.seed());
    this.stats = new RuntimeStats(clock.now());
  }

  Instant now() {
    return clock.now();
  }

  /**
   * Runs {@code task} under the lock once the clock reaches {@code when}; a time not after now runs as soon as the
   * current holder releases the lock. Returns a handle that calls the task off.
   */
  FaktoryClock.Cancellable at(Instant when, Runnable task) {
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
}
