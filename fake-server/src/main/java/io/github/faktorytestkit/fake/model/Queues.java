package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.gocompat.GoTimeException;
import io.github.faktorytestkit.fake.model.redis.JobSet;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Queues as the real server manages them: the in-memory registry of known queues (which FLUSH does not clear),
 * the in-memory paused list that FETCH consults, job validation and defaults on push, and enqueueing. The jobs
 * themselves are stored in the {@link io.github.faktorytestkit.fake.model.redis.Keyspace}. Confined to the model lock.
 */
public final class Queues {
  private static final Pattern VALID_NAME = Pattern.compile("\\A[a-zA-Z0-9._-]+\\z");

  private final Set<String> known = new TreeSet<>();
  private final List<String> paused = new ArrayList<>();
  private final EnqueuedJobs enqueued = new EnqueuedJobs();
  private final ModelCore core;

  Queues(ModelCore core) {
    this.core = core;
  }

  /**
   * Validates and stores a pushed job with {@link #withPushDefaults}: into the scheduled set when its {@code at} is
   * in the future, else a queue.
   */
  public void push(GoJob job) throws ErrorReplyException {
    validate(job);
    withPushDefaults(job);
    Instant at = job.at.isEmpty() ? null : parseAt(job.at);
    if (at != null && at.isAfter(core.now())) {
      core.scanner().add(JobSet.SCHEDULED, at, job.toJson());
    } else {
      enqueue(job);
    }
  }

  /** Fills in what PUSH leaves unset: queue {@code default}, the retry default, and {@code created_at} now. */
  GoJob withPushDefaults(GoJob job) {
    job.queue = job.queue.isEmpty() ? "default" : job.queue;
    job.retry = job.retry == null ? core.retryDefault() : job.retry;
    return job.createdAt.isEmpty() ? job.createdAtIfUnset(core.createdAtNow()) : job;
  }

  /** Puts {@code job} on its queue with a fresh {@code enqueued_at}, waking a waiting FETCH. */
  public void enqueue(GoJob job) throws ErrorReplyException {
    try {
      register(job.queue);
    } catch (ErrorReplyException e) {
      throw new ErrorReplyException(ErrorTexts.cannotGetQueue(job.queue, e.getMessage()));
    }
    job.enqueuedAt = GoTime.format(core.now());
    String payload = job.toJson();
    enqueued.remember(payload, job); // before the push, which may hand the payload to a waiting FETCH at once
    pushPayload(job.queue, payload);
  }

  /**
   * Returns the job a popped payload decodes to when this model enqueued it (and encoding lost nothing), so that
   * the caller owns it; else null, and the caller decodes the payload. See {@link EnqueuedJobs}.
   */
  GoJob takeEnqueued(String payload) {
    return enqueued.take(payload);
  }

  /** Pushes a stored payload unchanged onto {@code queue} (MUTATE requeue), waking a waiting FETCH. */
  public void pushPayload(String queue, String payload) throws ErrorReplyException {
    register(queue);
    try {
      core.keyspace().lpush(queue, payload);
    } catch (WrongTypeException e) {
      throw new ErrorReplyException(e);
    }
    core.waiters().onPush(queue);
  }

  /** Makes {@code name} a known queue, as Faktory's {@code GetQueue} does on first use. */
  void register(String name) throws ErrorReplyException {
    if (name.isEmpty()) {
      throw new ErrorReplyException(ErrorTexts.QUEUE_NAME_BLANK);
    }
    if (known.contains(name)) {
      return;
    }
    if (!VALID_NAME.matcher(name).matches()) {
      throw new ErrorReplyException(ErrorTexts.QUEUE_NAME_INVALID);
    }
    try {
      core.keyspace().addQueueName(name);
    } catch (WrongTypeException e) {
      throw new ErrorReplyException(ErrorTexts.cannotStoreQueueName(e.getMessage()));
    }
    known.add(name);
  }

  /** Pauses a known queue; unknown names are ignored, as is a Redis error. */
  public void pause(String name) {
    if (known.contains(name)) {
      try {
        core.keyspace().addPaused(name);
        paused.remove(name);
        paused.add(name);
      } catch (WrongTypeException e) {
        // QUEUE PAUSE ignores the error, and the manager's paused list stays as it was
      }
    }
  }

  /** Resumes a known queue; unknown names are ignored. */
  public void resume(String name) {
    if (known.contains(name)) {
      core.keyspace().removePaused(name);
      paused.remove(name);
    }
  }

  /** Deletes a known queue and its jobs; always drops the name from the paused list. */
  public void remove(String name) {
    if (known.contains(name)) {
      core.keyspace().unlink(name);
      core.keyspace().removeQueueName(name);
      core.keyspace().removePaused(name);
      known.remove(name);
    }
    paused.remove(name);
  }

  /** Returns the known queue names, sorted. */
  public List<String> knownNames() {
    return List.copyOf(known);
  }

  /** Returns the paused queues, in pause order. */
  List<String> pausedNames() {
    return List.copyOf(paused);
  }

  /** Forgets every known and paused queue (Redis's side is emptied separately). */
  void reset() {
    known.clear();
    paused.clear();
    enqueued.clear();
  }

  /** Returns {@code requested} without the paused queues, order and repeats kept (itself when none is paused). */
  public List<String> active(List<String> requested) {
    if (paused.isEmpty()) {
      return requested;
    }
    List<String> active = new ArrayList<>(requested);
    active.removeIf(paused::contains);
    return active;
  }

  private static void validate(GoJob job) throws ErrorReplyException {
    // a char is at least one byte of UTF-8, so only a jid of fewer than 8 chars needs its bytes counted
    if (job.jid.length() < 8 && job.jid.getBytes(StandardCharsets.UTF_8).length < 8) {
      throw new ErrorReplyException(ErrorTexts.JID_REQUIRED);
    }
    if (job.jobtype.isEmpty()) {
      throw new ErrorReplyException(ErrorTexts.JOBTYPE_REQUIRED);
    }
    if (job.args == null) {
      throw new ErrorReplyException(ErrorTexts.ARGS_REQUIRED);
    }
    if (job.reserveFor > Reservations.MAX_RESERVE_SECONDS) {
      throw new ErrorReplyException(ErrorTexts.RESERVE_TOO_LONG);
    }
  }

  private static Instant parseAt(String at) throws ErrorReplyException {
    try {
      return GoTime.parse(at);
    } catch (GoTimeException e) {
      throw new ErrorReplyException(ErrorTexts.invalidAt(at, e.getMessage()));
    }
  }
}
