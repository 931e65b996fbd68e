package io.github.faktorytestkit.fake.model.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One of Faktory's Redis sorted sets of job payloads (scheduled, retries, dead): members are the exact JSON
 * documents, unique as in Redis (adding an equal document moves it), ordered by time, then by bytes. Confined to
 * the model lock.
 */
public final class SortedJobSet {
  private final String name;
  private final TreeSet<Entry> ordered = new TreeSet<>();
  private final Map<String, Entry> byPayload = new HashMap<>();

  public SortedJobSet(String name) {
    this.name = name;
  }

  /**
   * One member: the payload and its score (the time the set acts on it); ordered by score, then by the payload's
   * bytes (an ordering of its own, not a {@code Comparator.comparing} chain: see {@link WorkingSet.Entry}).
   */
  public record Entry(Instant score, String payload) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byScore = score.compareTo(other.score);
      return byScore != 0 ? byScore : Arrays.compareUnsigned(bytes(payload), bytes(other.payload));
    }
  }

  /** Returns the Redis key of this set ({@code scheduled}, {@code retries}, {@code dead}). */
  public String name() {
    return name;
  }

  /** Adds {@code payload} at {@code score}, moving it when an equal payload is already there (ZADD). */
  public void add(Instant score, String payload) {
    remove(payload);
    Entry entry = new Entry(score, payload);
    ordered.add(entry);
    byPayload.put(payload, entry);
  }

  /** Removes {@code payload}; returns whether it was there (ZREM). */
  public boolean remove(String payload) {
    Entry entry = byPayload.remove(payload);
    return entry != null && ordered.remove(entry);
  }

  /** Removes and returns every entry whose score is at or before {@code now}, in order. */
  public List<Entry> removeDue(Instant now) {
    List<Entry> due = new ArrayList<>();
    while (!ordered.isEmpty() && !ordered.first().score().isAfter(now)) {
      Entry entry = ordered.pollFirst();
      byPayload.remove(entry.payload());
      due.add(entry);
    }
    return due;
  }

  /** Returns the entries in order. */
  public List<Entry> entries() {
    return List.copyOf(ordered);
  }

  public int size() {
    return ordered.size();
  }

  public void clear() {
    ordered.clear();
    byPayload.clear();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
