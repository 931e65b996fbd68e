package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoQuote;
import io.github.faktorytestkit.fake.state.gocompat.RedisGlob;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * One MUTATE operation on a sorted set, with Faktory's filter precedence: jids (payload contains
 * {@code "jid":"<jid>"}) over regexp (a Redis glob on the payload, plus a jobtype substring check) over jobtype
 * (the glob {@code *"jobtype":"<type>"*}); no filter matches everything. Confined to the model lock.
 */
final class Mutation {
  private final ModelCore core;
  private final String target;
  private final Fields filter;

  Mutation(ModelCore core, String target, Fields filter) {
    this.core = core;
    this.target = target;
    this.filter = filter;
  }

  /** Empties the target set (UNLINK, whatever the key holds); the filter is ignored. */
  void clear() throws CommandException {
    core.redis.unlink(set().name());
  }

  /** Moves matching entries to the dead set, expiring 180 days from now. */
  void kill() throws CommandException {
    SortedJobSet set = set();
    Instant expiry = core.now().plus(Reservations.DEAD_TTL);
    boolean killed = false;
    try {
      for (SortedJobSet.Entry entry : matching(set)) {
        if (set.remove(entry.payload())) {
          core.redis.zadd(core.redis.dead, expiry, entry.payload());
          killed = true;
        }
      }
    } finally {
      if (killed) {
        core.timedSets.watch(core.redis.dead, expiry);   // one purge at the shared expiry covers them all
      }
    }
  }

  /** Removes matching entries; without a filter, the whole set. */
  void discard() throws CommandException {
    SortedJobSet set = set();
    if (filter == null) {
      core.redis.unlink(set.name());
      return;
    }
    for (SortedJobSet.Entry entry : matching(set)) {
      set.remove(entry.payload());
    }
  }

  /** Pushes matching payloads unchanged (no new enqueued_at) onto their queues and removes them from the set. */
  void requeue() throws CommandException {
    SortedJobSet set = set();
    for (SortedJobSet.Entry entry : matching(set)) {
      core.queues.pushPayload(queueOf(entry.payload()), entry.payload());
      set.remove(entry.payload());
    }
  }

  private SortedJobSet set() throws CommandException {
    switch (target) {
      case "retries":
        return core.redis.retries;
      case "scheduled":
        return core.redis.scheduled;
      case "dead":
        return core.redis.dead;
      default:
        throw new CommandException(ErrorTexts.MUTATE_INVALID_TARGET);
    }
  }

  private List<SortedJobSet.Entry> matching(SortedJobSet set) throws CommandException {
    core.redis.requireZset(set);
    String glob = glob();
    Predicate<String> check = check();
    return set.entries().stream()
        .filter(e -> RedisGlob.matches(glob, e.payload()) && check.test(e.payload()))
        .toList();
  }

  private String glob() {
    if (filter == null || !jids().isEmpty()) {
      return "*";
    }
    if (!regexp().isEmpty()) {
      return regexp();
    }
    return jobtype().isEmpty() ? "*" : "*\"jobtype\":" + GoQuote.quote(jobtype()) + "*";
  }

  private Predicate<String> check() {
    if (filter == null) {
      return payload -> true;
    }
    if (!jids().isEmpty()) {
      List<String> jidMatches = jids().stream().map(jid -> "\"jid\":" + GoQuote.quote(jid)).toList();
      return payload -> jidMatches.stream().anyMatch(jidMatch -> payload.indexOf(jidMatch) > 0);
    }
    if (!regexp().isEmpty() && !jobtype().isEmpty()) {
      String typeMatch = "\"jobtype\":" + GoQuote.quote(jobtype());
      return payload -> payload.indexOf(typeMatch) > 0;
    }
    return payload -> true;
  }

  private List<String> jids() {
    List<String> jids = filter.list("jids");
    return jids == null ? List.of() : jids;
  }

  private String regexp() {
    return filter.string("regexp");
  }

  private String jobtype() {
    return filter.string("jobtype");
  }

  private static String queueOf(String payload) throws CommandException {
    try {
      return GoJob.parse(payload).queue;
    } catch (GoJsonException e) {
      throw new CommandException(e.getMessage());
    }
  }
}
