package io.github.faktorytestkit.fake.model.redis;

import java.util.Optional;

/** Faktory's three sorted sets of jobs, each under its Redis key, with the period of the real server's scanner. */
public enum JobSet {
  /** Jobs pushed with a future {@code at}, enqueued when due. */
  SCHEDULED("scheduled", 5),
  /** Failed jobs waiting for their next attempt, enqueued when due. */
  RETRIES("retries", 5),
  /** Jobs out of retries, purged when they expire. */
  DEAD("dead", 60);

  private static final JobSet[] ALL = values();

  private final String key;
  private final long scanSeconds;

  JobSet(String key, long scanSeconds) {
    this.key = key;
    this.scanSeconds = scanSeconds;
  }

  /** Returns the Redis key. */
  public String key() {
    return key;
  }

  /** Returns how often the real server scans the set, in seconds (INFO derives its cycle counts from it). */
  public long scanSeconds() {
    return scanSeconds;
  }

  /** Returns the set stored under {@code key}, if it is one of the three. */
  public static Optional<JobSet> byKey(String key) {
    return Optional.ofNullable(ofKey(key));
  }

  /** Returns the set stored under {@code key}, or null when it is none of the three. */
  static JobSet ofKey(String key) {
    for (JobSet set : ALL) {
      if (set.key.equals(key)) {
        return set;
      }
    }
    return null;
  }
}
