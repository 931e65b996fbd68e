package io.github.faktorytestkit.fake.model.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The Redis side of reservations, the {@code working} sorted set: one entry per reservation, by expiry. The real
 * server keeps a separate in-memory map (jid to reservation) that ACK and FAIL consult; FLUSH empties only this
 * set, which is why both exist in the model. Confined to the model lock.
 */
public final class WorkingSet {
  private final TreeSet<Entry> entries = new TreeSet<>(
      Comparator.comparing(Entry::expiry).thenComparingLong(Entry::id));
  private long nextId;

  /** One reservation entry. */
  public record Entry(Instant expiry, String jid, long id) {}

  public Entry add(Instant expiry, String jid) {
    Entry entry = new Entry(expiry, jid, nextId++);
    entries.add(entry);
    return entry;
  }

  public boolean remove(Entry entry) {
    return entries.remove(entry);
  }

  /**
   * Removes the entry of {@code jid} expiring at {@code expiry} as Faktory's {@code RemoveElement} does: the only
   * entry with that score whatever its jid, else the first one of that jid; returns whether one was removed.
   */
  public boolean removeElement(Instant expiry, String jid) {
    List<Entry> sameScore = new ArrayList<>(
        entries.subSet(new Entry(expiry, "", Long.MIN_VALUE), true, new Entry(expiry, "", Long.MAX_VALUE), true));
    if (sameScore.size() == 1) {
      return entries.remove(sameScore.get(0));
    }
    return sameScore.stream().filter(e -> e.jid().equals(jid)).findFirst().map(entries::remove).orElse(false);
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
  }
}
