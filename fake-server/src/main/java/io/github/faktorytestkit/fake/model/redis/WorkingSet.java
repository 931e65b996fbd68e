package io.github.faktorytestkit.fake.model.redis;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The Redis side of reservations, the {@code working} sorted set: one entry per reservation, by expiry. The real
 * server keeps a separate in-memory map (jid to reservation) that ACK and FAIL consult; FLUSH empties only this
 * set, which is why both exist in the model. Confined to the model lock.
 */
public final class WorkingSet {
  private final TreeSet<Entry> entries = new TreeSet<>();
  /** The same entries by jid, so that ACK finds its entry among many of one score (a clock standing still). */
  private final Map<String, NavigableSet<Entry>> byJid = new HashMap<>();
  private long nextId;

  /**
   * One reservation entry, ordered by expiry, then by the order of adding. (An ordering of its own rather than
   * {@code Comparator.comparing}: those comparators are serializable lambdas, which a class-data archive cannot
   * hold, spun at run time on the first start in a JVM.)
   */
  public record Entry(Instant expiry, String jid, long id) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byExpiry = expiry.compareTo(other.expiry);
      return byExpiry != 0 ? byExpiry : Long.compare(id, other.id);
    }
  }

  public Entry add(Instant expiry, String jid) {
    Entry entry = new Entry(expiry, jid, nextId++);
    entries.add(entry);
    byJid.computeIfAbsent(jid, key -> new TreeSet<>()).add(entry);
    return entry;
  }

  public boolean remove(Entry entry) {
    if (!entries.remove(entry)) {
      return false;
    }
    NavigableSet<Entry> ofJid = byJid.get(entry.jid());
    ofJid.remove(entry);
    if (ofJid.isEmpty()) {
      byJid.remove(entry.jid());
    }
    return true;
  }

  /**
   * Removes the entry of {@code jid} expiring at {@code expiry} as Faktory's {@code RemoveElement} does: the only
   * entry with that score whatever its jid, else the first one of that jid; returns whether one was removed.
   */
  public boolean removeElement(Instant expiry, String jid) {
    Entry first = firstOfScore(entries, expiry);
    if (first == null) {
      return false;
    }
    Entry second = entries.higher(first);
    if (second == null || !second.expiry().equals(expiry)) {
      return remove(first);
    }
    Entry ofJid = firstOfScore(byJid.getOrDefault(jid, Collections.emptyNavigableSet()), expiry);
    return ofJid != null && remove(ofJid);
  }

  /** Returns the entry of {@code set} with the lowest id among those expiring at {@code expiry}, or null. */
  private static Entry firstOfScore(NavigableSet<Entry> set, Instant expiry) {
    Entry first = set.ceiling(new Entry(expiry, "", Long.MIN_VALUE));
    return first != null && first.expiry().equals(expiry) ? first : null;
  }

  /** Returns whether {@code entry} is still in the set. */
  public boolean contains(Entry entry) {
    return entries.contains(entry);
  }

  public int size() {
    return entries.size();
  }

  public void clear() {
    entries.clear();
    byJid.clear();
  }
}
