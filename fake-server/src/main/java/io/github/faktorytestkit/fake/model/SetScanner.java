package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.redis.JobSet;
import io.github.faktorytestkit.fake.model.redis.SortedJobSet;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The timed side of the scheduled, retries and dead sets: due scheduled and retry jobs move to their queues with a
 * fresh {@code enqueued_at}, expired dead jobs are purged. The real server scans every 5 s (dead: 60 s); the fake
 * acts at the entry's exact time. {@link #add} is the one way into a set. Confined to the model lock.
 */
final class SetScanner {
  private final Map<JobSet, Long> processed = new EnumMap<>(JobSet.class);
  private final ModelCore core;

  SetScanner(ModelCore core) {
    this.core = core;
    reset();
  }

  /** Adds {@code payload} to {@code set} at {@code at} (ZADD) and arranges for the set to be scanned then. */
  void add(JobSet set, Instant at, String payload) throws ErrorReplyException {
    addAll(set, at, List.of(payload));
  }

  /**
   * Adds every payload to {@code set} at the same {@code at}, in iteration order and stopping at the first error,
   * with one scan at {@code at} for all that were added.
   */
  void addAll(JobSet set, Instant at, Iterable<String> payloads) throws ErrorReplyException {
    boolean added = false;
    try {
      for (String payload : payloads) {
        core.keyspace().zadd(set, at, payload);
        added = true;
      }
    } catch (WrongTypeException e) {
      throw new ErrorReplyException(e);
    } finally {
      if (added) {
        core.at(at, () -> scan(set));
      }
    }
  }

  /** Returns how many entries of {@code set} were enqueued (dead: purged) since start or reset. */
  long processed(JobSet set) {
    return processed.get(set);
  }

  /** Zeroes the statistics. */
  void reset() {
    for (JobSet set : JobSet.values()) {
      processed.put(set, 0L);
    }
  }

  /** Processes every entry of {@code set} that is due now. */
  private void scan(JobSet set) {
    long count = 0;
    for (SortedJobSet.Entry entry : core.keyspace().set(set).removeDue(core.now())) {
      if (set == JobSet.DEAD || enqueue(entry.payload())) {
        count++;
      }
    }
    processed.merge(set, count, Long::sum);
  }

  /** Enqueues a due job; a job that cannot be enqueued (e.g. a bad queue name) is lost, as on the real server. */
  private boolean enqueue(String payload) {
    try {
      core.queues().enqueue(GoJob.parseOrRefuse(payload, goError -> goError));
      return true;
    } catch (ErrorReplyException e) {
      return false;
    }
  }
}
