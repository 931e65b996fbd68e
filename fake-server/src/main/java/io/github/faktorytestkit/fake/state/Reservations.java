package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoStrings;
import io.github.faktorytestkit.fake.state.gocompat.GoTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reservations of fetched jobs and what ends them: ACK, FAIL and expiry, with Faktory's failure bookkeeping
 * (retry count, remaining, backoff, dead set). Confined to the model lock.
 */
final class Reservations {
  static final long DEFAULT_RESERVE_SECONDS = 1800;
  static final Duration DEAD_TTL = Duration.ofDays(180);
  private static final long MIN_RESERVE_SECONDS = 60;
  /** The most a job may be reserved for: PUSH rejects more, FETCH clamps to it. */
  static final long MAX_RESERVE_SECONDS = 86_400;

  final Map<String, ReservedJob> byJid = new LinkedHashMap<>();
  long reaped;
  private final ModelCore core;

  Reservations(ModelCore core) {
    this.core = core;
  }

  /** Reserves a popped job for {@code wid} and returns the FETCH reply body. */
  String reserve(String payload, String wid) throws CommandException {
    GoJob job = decode(payload);
    long seconds = job.reserveFor == 0 ? DEFAULT_RESERVE_SECONDS : job.reserveFor;
    seconds = Math.min(MAX_RESERVE_SECONDS, Math.max(MIN_RESERVE_SECONDS, seconds));
    Instant now = core.now();
    Instant expiry = now.plusSeconds(seconds);
    WorkingSet.Entry entry;
    try {
      entry = core.redis.zaddWorking(expiry, job.jid);
    } catch (CommandException e) {
      throw new CommandException(ErrorTexts.cannotReserve(e.getMessage()));
    }
    byJid.put(job.jid, new ReservedJob(job, wid, now, expiry));
    core.at(expiry, () -> expire(entry));
    return job.toJson();
  }

  /** Ends the reservation of {@code jid} successfully; an unknown jid is ignored, as by the real server. */
  void acknowledge(String jid) {
    ReservedJob reservation = byJid.remove(jid);
    if (reservation != null) {
      core.redis.working.removeElement(reservation.expiry, jid);
      core.redis.countSuccess(core.now());
    }
  }

  /** Fails the reservation of {@code jid} with a cleansed error. */
  void fail(String jid, String errtype, String message, List<String> backtrace) throws CommandException {
    Failure failure = new Failure(cleanse(errtype, 100), cleanse(message, 1000), backtrace == null
        ? List.of() : new ArrayList<>(backtrace.subList(0, Math.min(50, backtrace.size()))));
    processFailure(jid, failure, false);
  }

  private void expire(WorkingSet.Entry entry) {
    if (core.redis.working.remove(entry)) {
      Failure expired = new Failure(ErrorTexts.RESERVATION_EXPIRED_TYPE, ErrorTexts.RESERVATION_EXPIRED_MESSAGE,
          List.of());
      try {
        processFailure(entry.jid(), expired, true);
        reaped++;
      } catch (CommandException e) {
        // the real reaper logs "cannot retry reservation" and carries on
      }
    }
  }

  private void processFailure(String jid, Failure failure, boolean expired) throws CommandException {
    ReservedJob reservation = byJid.remove(jid);
    if (reservation == null) {
      throw new CommandException(ErrorTexts.jobNotFound(jid));
    }
    if (!expired && !core.redis.working.removeElement(reservation.expiry, jid)) {
      return;
    }
    core.redis.countFailure(core.now());
    GoJob job = reservation.job;
    recordFailure(job, failure);
    if (job.retry == null || job.retry == 0) {
      return;
    }
    if (job.failure.retryCount < job.retry) {
      retryLater(job);
    } else {
      sendToMorgue(job);
    }
  }

  private void recordFailure(GoJob job, Failure failure) {
    if (job.failure != null) {
      job.failure.retryCount++;
      if (job.failure.remaining > 0) {
        job.failure.remaining--;
      }
    } else {
      if (job.retry == null) {
        job.retry = core.retryDefault;
      }
      job.failure = new GoFailure();
      job.failure.remaining = job.retry;
      job.failure.failedAt = GoTime.format(core.now());
    }
    job.failure.message = failure.message;
    job.failure.errtype = failure.errtype;
    job.failure.backtrace = failure.backtrace;
  }

  private void retryLater(GoJob job) throws CommandException {
    long count = job.failure.retryCount;
    long seconds = count * count * count * count + 15 + core.random.nextInt(30) * (count + 1);
    Instant when = core.now().plusSeconds(seconds);
    job.failure.nextAt = GoTime.format(when);
    core.redis.zadd(core.redis.retries, when, job.toJson());
    core.timedSets.watch(core.redis.retries, when);
  }

  private void sendToMorgue(GoJob job) throws CommandException {
    Instant expiry = core.now().plus(DEAD_TTL);
    core.redis.zadd(core.redis.dead, expiry, job.toJson());
    core.timedSets.watch(core.redis.dead, expiry);
  }

  private static String cleanse(String text, int maxBytes) {
    String trimmed = GoStrings.trimSpace(text == null ? "" : text);
    return trimmed.isEmpty() ? ErrorTexts.UNKNOWN_FAILURE : GoStrings.truncateBytes(trimmed, maxBytes);
  }

  private static GoJob decode(String payload) throws CommandException {
    try {
      return GoJob.parse(payload);
    } catch (GoJsonException e) {
      throw new CommandException(ErrorTexts.cannotUnmarshalJob(e.getMessage()));
    }
  }

  /** A cleansed failure report. */
  private record Failure(String errtype, String message, List<String> backtrace) {}
}
