package io.github.faktorytestkit.fake.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs behind payloads the model itself wrote onto a queue ({@code payload = job.toJson()}), so that FETCH,
 * which answers with the stored job decoded and encoded again, need not decode it. That reply is the payload
 * itself, byte for byte, and the decoded job equals the one kept, whenever encoding lost nothing: Go's encoder loses
 * only invalid UTF-8 (an escaped byte or lone surrogate, written as {@code \\ufffd}), so a payload holding that
 * sequence is not kept. Numbers round-trip (shortest float64 digits), key order is the writer's sorted order, and
 * what the encoder omits (empty custom, zero counts) decodes to values that encode the same.
 *
 * <p>Entries are keyed by payload text and taken once; ones whose payload left the queue some other way (a queue
 * deleted, a MUTATE) age out, the oldest first, past {@link #MAX_JOBS} jobs or {@link #MAX_CHARS} characters. A
 * miss only costs a decode. Confined to the model lock.
 */
final class EnqueuedJobs {
  static final int MAX_JOBS = 10_000;
  /**
   * Bounds the payload text kept, and so the decoded jobs, which can take several times their text's memory (deep
   * nesting, many small values), so 64 Mi characters could hold hundreds of megabytes of jobs a fuzz pushed and
   * nobody fetches. 10,000 ordinary jobs take about 2 Mi.
   */
  static final long MAX_CHARS = 4L << 20;
  /** A payload longer than this is not kept: its decode costs little next to its transfer. */
  static final int MAX_PAYLOAD_CHARS = 64 << 10;
  private static final String LOST_TEXT = "\\ufffd";

  private final LinkedHashMap<String, GoJob> byPayload = new LinkedHashMap<>();
  private long chars;

  /** Keeps {@code job} as what {@code payload} (its {@link GoJob#toJson()}) decodes to, unless encoding lost text. */
  void remember(String payload, GoJob job) {
    if (payload.length() > MAX_PAYLOAD_CHARS || payload.contains(LOST_TEXT)) {
      return;
    }
    if (byPayload.put(payload, job) == null) {
      chars += payload.length();
    }
    Iterator<Map.Entry<String, GoJob>> oldest = byPayload.entrySet().iterator();
    while (byPayload.size() > MAX_JOBS || chars > MAX_CHARS) {
      chars -= oldest.next().getKey().length();
      oldest.remove();
    }
  }

  /** Returns and forgets the job {@code payload} decodes to, or null when it is not known. */
  GoJob take(String payload) {
    GoJob job = byPayload.remove(payload);
    if (job != null) {
      chars -= payload.length();
    }
    return job;
  }

  /** Forgets every job. */
  void clear() {
    byPayload.clear();
    chars = 0;
  }
}
