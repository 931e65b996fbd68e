package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoTime;
import io.github.faktorytestkit.fake.state.gocompat.GoTimeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Queues as the real server manages them: the in-memory registry of known queues (which FLUSH does not clear),
 * the in-memory paused list that FETCH consults, job validation on push, and enqueueing. Confined to the model lock.
 */
final class Queues {
  private static final Pattern VALID_NAME = Pattern.compile("\\A[a-zA-Z0-9._-]+\\z");

  final Set<String> known = new TreeSet<>();
  final List<String> paused = new ArrayList<>();
  private final ModelCore core;

  Queues(ModelCore core) {
    this.core = core;
  }

  /** Validates and stores a pushed job: into the scheduled set when its {@code at} is in the future, else a queue. */
  void push(GoJob job) throws CommandException {
    validate(job);
    if (job.createdAt.isEmpty()) {
      job.createdAt = GoTime.format(core.now());
    }
    if (job.queue.isEmpty()) {
      job.queue = "default";
    }
    Instant at = job.at.isEmpty() ? null : parseAt(job.at);
    if (at != null && at.isAfter(core.now())) {
      core.redis.zadd(core.redis.scheduled, at, job.toJson());
      core.timedSets.watch(core.redis.scheduled, at);
    } else {
      enqueue(job);
    }
  }

  /** Puts {@code job} on its queue with a fresh {@code enqueued_at}, waking a waiting FETCH. */
  void enqueue(GoJob job) throws CommandException {
    try {
      register(job.queue);
    } catch (CommandException e) {
      throw new CommandException(ErrorTexts.cannotGetQueue(job.queue, e.getMessage()));
    }
    job.enqueuedAt = GoTime.format(core.now());
    pushPayload(job.queue, job.toJson());
  }

  /** Pushes a stored payload unchanged onto {@code queue} (MUTATE requeue), waking a waiting FETCH. */
  void pushPayload(String queue, String payload) throws CommandException {
    register(queue);
    core.redis.lpush(queue, payload);
    core.waiters.onPush(queue);
  }

  /** Makes {@code name} a known queue, as Faktory's {@code GetQueue} does on first use. */
  void register(String name) throws CommandException {
    if (name.isEmpty()) {
      throw new CommandException(ErrorTexts.QUEUE_NAME_BLANK);
    }
    if (known.contains(name)) {
      return;
    }
    if (!VALID_NAME.matcher(name).matches()) {
      throw new CommandException(ErrorTexts.QUEUE_NAME_INVALID);
    }
    try {
      core.redis.addQueueName(name);
    } catch (CommandException e) {
      throw new CommandException(ErrorTexts.cannotStoreQueueName(e.getMessage()));
    }
    known.add(name);
  }

  /** Pauses a known queue; unknown names are ignored, as is a Redis error. */
  void pause(String name) {
    if (known.contains(name)) {
      try {
        core.redis.addPaused(name);
        paused.remove(name);
        paused.add(name);
      } catch (CommandException e) {
        // QUEUE PAUSE ignores the error, and the manager's paused list stays as it was
      }
    }
  }

  /** Resumes a known queue; unknown names are ignored. */
  void resume(String name) {
    if (known.contains(name)) {
      core.redis.removePaused(name);
      paused.remove(name);
    }
  }

  /** Deletes a known queue and its jobs; always drops the name from the paused list. */
  void remove(String name) {
    if (known.contains(name)) {
      core.redis.unlink(name);
      core.redis.removeQueueName(name);
      core.redis.removePaused(name);
      known.remove(name);
    }
    paused.remove(name);
  }

  /** Returns {@code requested} without the paused queues, order and repeats kept. */
  List<String> active(List<String> requested) {
    List<String> active = new ArrayList<>(requested);
    active.removeIf(paused::contains);
    return active;
  }

  private static void validate(GoJob job) throws CommandException {
    if (job.jid.getBytes(StandardCharsets.UTF_8).length < 8) {
      throw new CommandException(ErrorTexts.JID_REQUIRED);
    }
    if (job.jobtype.isEmpty()) {
      throw new CommandException(ErrorTexts.JOBTYPE_REQUIRED);
    }
    if (job.args == null) {
      throw new CommandException(ErrorTexts.ARGS_REQUIRED);
    }
    if (job.reserveFor > Reservations.MAX_RESERVE_SECONDS) {
      throw new CommandException(ErrorTexts.RESERVE_TOO_LONG);
    }
  }

  private static Instant parseAt(String at) throws CommandException {
    try {
      return GoTime.parse(at);
    } catch (GoTimeException e) {
      throw new CommandException(ErrorTexts.invalidAt(at, e.getMessage()));
    }
  }
}
