package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import java.time.Instant;

/**
 * The timed side of the scheduled, retries and dead sets: due scheduled and retry jobs move to their queues with a
 * fresh {@code enqueued_at}, expired dead jobs are purged. The real server scans every 5 s (dead: 60 s); the fake
 * acts at the entry's exact time. Confined to the model lock.
 */
final class TimedSets {
  long scheduledEnqueued;
  long retriesEnqueued;
  long deadPurged;
  private final ModelCore core;

  TimedSets(ModelCore core) {
    this.core = core;
  }

  /** Zeroes the statistics. */
  void reset() {
    scheduledEnqueued = 0;
    retriesEnqueued = 0;
    deadPurged = 0;
  }

  /** Arranges for {@code set} to be scanned when the clock reaches {@code when}. */
  void watch(SortedJobSet set, Instant when) {
    core.at(when, () -> scan(set));
  }

  /** Processes every entry of {@code set} that is due now. */
  void scan(SortedJobSet set) {
    long processed = 0;
    for (SortedJobSet.Entry entry : set.removeDue(core.now())) {
      if (set == core.redis.dead || enqueue(entry.payload())) {
        processed++;
      }
    }
    if (set == core.redis.dead) {
      deadPurged += processed;
    } else if (set == core.redis.retries) {
      retriesEnqueued += processed;
    } else {
      scheduledEnqueued += processed;
    }
  }

  /** Enqueues a due job; a job that cannot be enqueued (e.g. a bad queue name) is lost, as on the real server. */
  private boolean enqueue(String payload) {
    try {
      core.queues.enqueue(GoJob.parse(payload));
      return true;
    } catch (GoJsonException | CommandException e) {
      return false;
    }
  }
}
