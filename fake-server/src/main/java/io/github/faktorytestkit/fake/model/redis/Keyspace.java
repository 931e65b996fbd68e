package io.github.faktorytestkit.fake.model.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the real server keeps in Redis, and Redis's rules for it: queue lists, the four sorted sets, the
 * {@code queues} and {@code paused} sets and the counters, all in one keyspace, so that a queue named like one of
 * Faktory's own keys fails with WRONGTYPE as it does for real. FLUSH ({@link #flushDb()}) empties exactly this.
 * Confined to the model lock.
 */
public final class Keyspace {
  private enum Type { LIST, ZSET, SET, STRING }

  private final Map<JobSet, SortedJobSet> sets = new EnumMap<>(JobSet.class);
  private final WorkingSet working = new WorkingSet();
  private final Map<String, ArrayDeque<String>> lists = new HashMap<>();
  private final Set<String> queueNames = new HashSet<>();
  private final Set<String> pausedNames = new HashSet<>();
  private final Map<String, Long> counters = new HashMap<>();
  /** The last {@link #day} answer: for this second of the epoch, in this zone (a date never splits a second). */
  private long daySecond = Long.MIN_VALUE;
  private ZoneId dayZone;
  private DayCounters dayCounters;

  /** Creates an empty keyspace. */
  public Keyspace() {
    for (JobSet set : JobSet.values()) {
      sets.put(set, new SortedJobSet(set.key()));
    }
  }

  /** Returns one of the job sets, without a type check (use {@link #requireZset} before reading it as Redis would). */
  public SortedJobSet set(JobSet set) {
    return sets.get(set);
  }

  /** Returns the working set (reservations by expiry). */
  public WorkingSet working() {
    return working;
  }

  /** LPUSH: adds {@code payload} at the head of list {@code key}. */
  public void lpush(String key, String payload) throws WrongTypeException {
    require(key, Type.LIST);
    lists.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(payload);
  }

  /** Pops the tail of the first non-empty list among {@code keys}, as BRPOP does before it blocks; null if none. */
  public String popFirst(List<String> keys) throws WrongTypeException {
    for (String key : keys) {
      require(key, Type.LIST);
      ArrayDeque<String> list = lists.get(key);
      if (list != null) {
        String payload = list.pollLast();
        if (list.isEmpty()) {
          lists.remove(key);
        }
        return payload;
      }
    }
    return null;
  }

  /** LLEN. */
  public long llen(String key) throws WrongTypeException {
    require(key, Type.LIST);
    return lists.getOrDefault(key, new ArrayDeque<>()).size();
  }

  /** LINDEX key -1: the oldest payload of the list, or null. */
  public String oldest(String key) throws WrongTypeException {
    require(key, Type.LIST);
    ArrayDeque<String> list = lists.get(key);
    return list == null ? null : list.peekLast();
  }

  /** Returns the list's payloads oldest first (the order FETCH takes them). */
  public List<String> listOldestFirst(String key) {
    List<String> out = new ArrayList<>();
    ArrayDeque<String> list = lists.get(key);
    if (list != null) {
      Iterator<String> oldestFirst = list.descendingIterator();
      oldestFirst.forEachRemaining(out::add);
    }
    return out;
  }

  /** UNLINK: deletes {@code key} whatever its type. */
  public void unlink(String key) {
    lists.remove(key);
    zset(key).ifPresent(SortedJobSet::clear);
    if (key.equals("working")) {
      working.clear();
    }
    if (key.equals("queues")) {
      queueNames.clear();
    }
    if (key.equals("paused")) {
      pausedNames.clear();
    }
    counters.remove(key);
  }

  /** ZADD to one of the job sets. */
  public void zadd(JobSet set, Instant score, String payload) throws WrongTypeException {
    require(set.key(), Type.ZSET);
    set(set).add(score, payload);
  }

  /** ZADD to the working set. */
  public WorkingSet.Entry zaddWorking(Instant expiry, String jid) throws WrongTypeException {
    require("working", Type.ZSET);
    return working.add(expiry, jid);
  }

  /** Fails as Redis does when {@code set}'s key holds a list (ZCARD, ZSCAN, ZRANGEBYSCORE on it). */
  public void requireZset(JobSet set) throws WrongTypeException {
    require(set.key(), Type.ZSET);
  }

  /** Returns ZCARD of {@code key}. */
  public long zcard(String key) throws WrongTypeException {
    require(key, Type.ZSET);
    return zsetSize(key);
  }

  /** SADD queues name. */
  public void addQueueName(String name) throws WrongTypeException {
    require("queues", Type.SET);
    queueNames.add(name);
  }

  /** SREM queues name. */
  public void removeQueueName(String name) {
    queueNames.remove(name);
  }

  /** SADD paused name. */
  public void addPaused(String name) throws WrongTypeException {
    require("paused", Type.SET);
    pausedNames.add(name);
  }

  /** SREM paused name. */
  public void removePaused(String name) {
    pausedNames.remove(name);
  }

  /** Counts a processed job (the real server ignores a failed INCR). */
  public void countSuccess(Instant now) {
    increment("processed", 1);
    increment(day(now).processed(), 1);
  }

  /** Counts a failed job, which is also a processed one. */
  public void countFailure(Instant now) {
    increment("processed", 1);
    increment("failures", 1);
    DayCounters day = day(now);
    increment(day.processed(), 1);
    increment(day.failures(), 1);
  }

  /** INCRBY key 0, as INFO reads the counters: creates the key when missing. */
  public long counter(String key) throws WrongTypeException {
    require(key, Type.STRING);
    return counters.merge(key, 0L, Long::sum);
  }

  /** Returns a counter without touching the keyspace. */
  public long peekCounter(String key) {
    return counters.getOrDefault(key, 0L);
  }

  /** FLUSHDB. */
  public void flushDb() {
    lists.clear();
    sets.values().forEach(SortedJobSet::clear);
    working.clear();
    queueNames.clear();
    pausedNames.clear();
    counters.clear();
  }

  private void increment(String key, long by) {
    Type type = type(key);
    if (type == null || type == Type.STRING) {
      counters.merge(key, by, Long::sum);
    }
  }

  private void require(String key, Type expected) throws WrongTypeException {
    Type actual = type(key);
    if (actual != null && actual != expected) {
      throw new WrongTypeException();
    }
  }

  private Type type(String key) {
    if (lists.containsKey(key)) {
      return Type.LIST;
    }
    if (zsetSize(key) > 0) {
      return Type.ZSET;
    }
    if (key.equals("queues") && !queueNames.isEmpty() || key.equals("paused") && !pausedNames.isEmpty()) {
      return Type.SET;
    }
    return counters.containsKey(key) ? Type.STRING : null;
  }

  private Optional<SortedJobSet> zset(String key) {
    return JobSet.byKey(key).map(sets::get);
  }

  /** ZCARD of {@code key} when it is one of the sorted sets (the job sets or {@code working}), else 0. */
  private int zsetSize(String key) {
    if (key.equals("working")) {
      return working.size();
    }
    JobSet set = JobSet.ofKey(key);
    return set == null ? 0 : sets.get(set).size();
  }

  /**
   * Returns the keys of the day counters of {@code now}'s local date; a day's counters are bumped thousands of times a
   * second under load, so the keys (and their hashes) are made once a second.
   */
  private DayCounters day(Instant now) {
    ZoneId zone = ZoneId.systemDefault();
    if (now.getEpochSecond() != daySecond || !zone.equals(dayZone)) {
      String date = LocalDate.ofInstant(now, zone).toString();
      dayCounters = new DayCounters("processed:" + date, "failures:" + date);
      daySecond = now.getEpochSecond();
      dayZone = zone;
    }
    return dayCounters;
  }

  /** The keys of one day's counters: {@code processed:2006-01-02}, {@code failures:2006-01-02}. */
  private record DayCounters(String processed, String failures) {}
}
