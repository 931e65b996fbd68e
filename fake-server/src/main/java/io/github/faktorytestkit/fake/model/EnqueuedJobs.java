package io.github.faktorytestkit.fake.model;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The jobs behind payloads the model itself wrote onto a queue ({@code payload = job.toJson()}), so that FETCH,
 * which answers with the stored job decoded and encoded again, need not decode it. That reply is the payload
 * itself, byte for byte, and the decoded job equals the one kept, whenever encoding lost nothing: Go's encoder loses
 * only invalid UTF-8 (an escaped byte or lone surrogate, written as {@code \\ufffd}), so a payload holding that
 * sequence is not kept. Numbers round-trip (shortest float64 digits), key order is the writer's sorted order, and
 * what the encoder omits (empty custom, zero counts) decodes to values that encode the same.
 *
 * <p>Entries are keyed by payload text and taken once; ones whose payload left the queue some other way (a queue
 * deleted, a MUTATE) age out, the oldest first, past {@link #MAX_JOBS} jobs or {@link #MAX_WEIGHT} of
 * {@linkplain #weight weight}. A miss only costs a decode. Confined to the model lock.
 */
final class EnqueuedJobs {
  static final int MAX_JOBS = 10_000;
  /**
   * Bounds the decoded jobs kept, in bytes as {@link #weight} estimates them: 10,000 ordinary jobs weigh about
   * 5 MiB. Jobs a fuzz pushed and nobody fetches then hold at most this much heap, and a job that lives in here
   * long enough to be promoted and die old costs the collector no more than an ordinary one.
   */
  static final long MAX_WEIGHT = 8L << 20;
  /** A job weighing more than this is not kept: its decode costs little next to its transfer. */
  static final int MAX_JOB_WEIGHT = 64 << 10;
  /**
   * About what one decoded JSON object or array takes beyond its text: a one-key {@code LinkedHashMap} with its
   * table, entry and key set is some 195 bytes ({@code GC.class_histogram} after a fuzz), an {@code ArrayList} about
   * 80. So a payload nested 3,000 objects deep, 15,000 characters, decodes to some 600 KB.
   */
  static final int CONTAINER_WEIGHT = 160;
  private static final String LOST_TEXT = "\\ufffd";

  private final LinkedHashMap<String, Kept> byPayload = new LinkedHashMap<>();
  private long weight;

  /** A kept job and what it was counted as. */
  private record Kept(GoJob job, long weight) {}

  /** Keeps {@code job} as what {@code payload} (its {@link GoJob#toJson()}) decodes to, unless encoding lost text. */
  void remember(String payload, GoJob job) {
    long jobWeight = weight(payload);
    if (jobWeight > MAX_JOB_WEIGHT || payload.contains(LOST_TEXT)) {
      return;
    }
    Kept replaced = byPayload.put(payload, new Kept(job, jobWeight));
    weight += jobWeight - (replaced == null ? 0 : replaced.weight());
    if (byPayload.size() > MAX_JOBS || weight > MAX_WEIGHT) {
      ageOut();
    }
  }

  /** Forgets the oldest jobs until the kept ones are within both bounds. */
  private void ageOut() {
    Iterator<Kept> oldest = byPayload.values().iterator();
    while (byPayload.size() > MAX_JOBS || weight > MAX_WEIGHT) {
      weight -= oldest.next().weight();
      oldest.remove();
    }
  }

  /**
   * Estimates the heap the job decoded from {@code payload} takes: a byte per character and {@link #CONTAINER_WEIGHT}
   * per object or array (counted as the brackets that open one, inside strings too). Stops counting past
   * {@link #MAX_JOB_WEIGHT}.
   */
  static long weight(String payload) {
    long total = payload.length();
    total = countOpening(payload, '{', total);
    return countOpening(payload, '[', total);
  }

  /** Adds {@link #CONTAINER_WEIGHT} to {@code total} per {@code bracket} in {@code payload}, up to past the limit. */
  private static long countOpening(String payload, char bracket, long total) {
    int at = -1;
    while (total <= MAX_JOB_WEIGHT && (at = payload.indexOf(bracket, at + 1)) >= 0) {
      total += CONTAINER_WEIGHT;
    }
    return total;
  }

  /** Returns and forgets the job {@code payload} decodes to, or null when it is not known. */
  GoJob take(String payload) {
    Kept kept = byPayload.remove(payload);
    if (kept == null) {
      return null;
    }
    weight -= kept.weight();
    return kept.job();
  }

  /** Forgets every job. */
  void clear() {
    byPayload.clear();
    weight = 0;
  }
}
