package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.redis.SortedJobSet;
import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import io.github.faktorytestkit.fake.model.redis.RedisGlob;
import io.github.faktorytestkit.fake.model.redis.JobSet;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One MUTATE operation on a sorted set, with Faktory's filter precedence: jids (payload contains
 * {@code "jid":"<jid>"}) over regexp (a Redis glob on the payload, plus a jobtype substring check) over jobtype
 * (the glob {@code *"jobtype":"<type>"*}); no filter matches everything. Confined to the model lock.
 */
public final class SetMutation {
  private final ModelCore core;
  private final String target;
  private final GoStruct filter;

  /** Creates the operation on the set named {@code target}; an unknown name fails when the operation runs. */
  public SetMutation(ModelCore core, String target, GoStruct filter) {
    this.core = core;
    this.target = target;
    this.filter = filter;
  }

  /** Empties the target set (UNLINK, whatever the key holds); the filter is ignored. */
  public void clear() throws ErrorReplyException {
    core.keyspace().unlink(set().name());
  }

  /** Moves matching entries to the dead set, expiring 180 days from now. */
  public void kill() throws ErrorReplyException {
    SortedJobSet set = set();
    Instant expiry = core.now().plus(Reservations.DEAD_TTL);
    // each entry leaves its set just before it enters the dead set; one purge at the shared expiry covers them all
    Iterator<String> killed = matching(set).stream().map(SortedJobSet.Entry::payload).filter(set::remove).iterator();
    core.scanner().addAll(JobSet.DEAD, expiry, () -> killed);
  }

  /** Removes matching entries; without a filter, the whole set. */
  public void discard() throws ErrorReplyException {
    SortedJobSet set = set();
    if (filter == null) {
      core.keyspace().unlink(set.name());
      return;
    }
    for (SortedJobSet.Entry entry : matching(set)) {
      set.remove(entry.payload());
    }
  }

  /** Pushes matching payloads unchanged (no new enqueued_at) onto their queues and removes them from the set. */
  public void requeue() throws ErrorReplyException {
    SortedJobSet set = set();
    for (SortedJobSet.Entry entry : matching(set)) {
      core.queues().pushPayload(GoJob.parseOrRefuse(entry.payload(), goError -> goError).queue, entry.payload());
      set.remove(entry.payload());
    }
  }

  private SortedJobSet set() throws ErrorReplyException {
    return core.keyspace().set(jobSet());
  }

  private JobSet jobSet() throws ErrorReplyException {
    return JobSet.byKey(target).orElseThrow(() -> new ErrorReplyException(ErrorTexts.MUTATE_INVALID_TARGET));
  }

  private List<SortedJobSet.Entry> matching(SortedJobSet set) throws ErrorReplyException {
    try {
      core.keyspace().requireZset(jobSet());
    } catch (WrongTypeException e) {
      throw new ErrorReplyException(e);
    }
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
}
