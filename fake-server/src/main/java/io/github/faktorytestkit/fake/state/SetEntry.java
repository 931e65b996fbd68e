package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.protocol.Job;
import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the scheduled, retries or dead set: a job and the time the server acts on it (scheduled and
 * retries: when it is enqueued; dead: when it is purged, 180 days after death).
 *
 * @param at the entry's time
 * @param job the job
 * @param json the job exactly as the server stores it (Go's JSON)
 */
public record SetEntry(Instant at, Job job, String json) {
  /** Creates the value. */
  public SetEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(json, "json");
  }
}
