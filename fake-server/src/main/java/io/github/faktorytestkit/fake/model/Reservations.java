package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.model.redis.WorkingSet;
import io.github.faktorytestkit.fake.model.gocompat.GoStrings;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.redis.JobSet;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
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
public final class Reservations {
  static final long DEFAULT_RESERVE_SECONDS = 1800;
  static final Duration DEAD_TTL = Duration.ofDays(180);
  private static final long MIN_RESERVE_SECONDS = 60;
  /** The most a job may be reserved for: PUSH rejects more, FETCH clamps to it. */
  static final long MAX_RESERVE_SECONDS = 86_400;

  private final Map<String, ReservedJob> byJid = new LinkedHashMap<>();
  private long reaped;
  private final ModelCore core;

  Reservations(ModelCore core) {
    this.core = core;
  }

  /** Reserves a popped job for {@code wid} and returns the FETCH reply body. */
  public String reserve(String payload, String wid) throws ErrorReplyException {
    GoJob enqueued = core.queues().takeEnqueued(payload);
    GoJob job = enqueued != null ? enqueued : GoJob.parseOrRefuse(payload, ErrorTexts::cannotUnmarshalJob);
    long seconds = job.reserveFor == 0 ? DEFAULT_RESERVE_SECONDS : job.reserveFor;
    seconds = Math.min(MAX_RESERVE_SECONDS, Math.max(MIN_RESERVE_SECONDS, seconds));
    Instant now = core.now();
    Instant expiry = now.plusSeconds(seconds);
    WorkingSet.Entry entry;
    try {
      entry = core.keyspace().zaddWorking(expiry, job.jid);
    } catch (WrongTypeException e) {
      throw new ErrorReplyException(ErrorTexts.cannotReserve(e.getMessage()));
    }
    FaktoryClock.Cancellable timer = core.at(expiry, () -> expire(entry));
    byJid.put(job.jid, new ReservedJob(job, wid, now, expiry, new Reaping(entry, timer)));
    // a remembered job's payload is what encoding the decoded payload gives (EnqueuedJobs)
    return enqueued != null ? payload : job.toJson();
  }

  /** Ends the reservation of {@code jid} successfully; an unknown jid is ignored, as by the real server. */
  public void acknowledge(String jid) {
    ReservedJob reservation = byJid.remove(jid);
    if (reservation != null) {
      core.keyspace().working().removeElement(reservation.expiry(), jid);
      callOffIfGone(reservation);
      core.keyspace().countSuccess(core.now());
    }
  }

  /** Fails the reservation of {@code jid} with a cleansed error. */
  public void fail(String jid, String errtype, String message, List<String> backtrace) throws ErrorReplyException {
    FailureReport failure = new FailureReport(cleanse(errtype, 100), cleanse(message, 1000), backtrace == null
        ? List.of() : new ArrayList<>(backtrace.subList(0, Math.min(50, backtrace.size()))));
    processFailure(jid, failure, false);
  }

  private void expire(WorkingSet.Entry entry) {
    if (core.keyspace().working().remove(entry)) {
      FailureReport expired = new FailureReport(ErrorTexts.RESERVATION_EXPIRED_TYPE, ErrorTexts.RESERVATION_EXPIRED_MESSAGE,
          List.of());
      try {
        processFailure(entry.jid(), expired, true);
        reaped++;
      } catch (ErrorReplyException e) {
        // the real reaper logs "cannot retry reservation" and carries on
      }
    }
  }

  private void processFailure(String jid, FailureReport failure, boolean expired) throws ErrorReplyException {
    ReservedJob reservation = byJid.remove(jid);
    if (reservation == null) {
      throw new ErrorReplyException(ErrorTexts.jobNotFound(jid));
    }
    boolean removed = expired || core.keyspace().working().removeElement(reservation.expiry(), jid);
    callOffIfGone(reservation);
    if (!removed) {
      return;
    }
    core.keyspace().countFailure(core.now());
    GoJob job = reservation.job();
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

  private void recordFailure(GoJob job, FailureReport failure) {
    if (job.failure != null) {
      job.failure.retryCount++;
      if (job.failure.remaining > 0) {
        job.failure.remaining--;
      }
    } else {
      if (job.retry == null) {
        job.retry = core.retryDefault();
      }
      job.failure = new GoFailure();
      job.failure.remaining = job.retry;
      job.failure.failedAt = GoTime.format(core.now());
    }
    job.failure.message = failure.message;
    job.failure.errtype = failure.errtype;
    job.failure.backtrace = failure.backtrace;
  }

  private void retryLater(GoJob job) throws ErrorReplyException {
    long count = job.failure.retryCount;
    long seconds = count * count * count * count + 15 + core.random().nextInt(30) * (count + 1);
    Instant when = core.now().plusSeconds(seconds);
    job.failure.nextAt = GoTime.format(when);
    core.scanner().add(JobSet.RETRIES, when, job.toJson());
  }

  private void sendToMorgue(GoJob job) throws ErrorReplyException {
    Instant expiry = core.now().plus(DEAD_TTL);
    core.scanner().add(JobSet.DEAD, expiry, job.toJson());
  }

  /**
   * Cancels the expiry timer of an ended reservation once its own working-set entry is gone: the timer would then
   * find nothing to expire. (The entry ZREM took may be another one with the same score; this one's timer then
   * stays and expires it, as the real reaper would.)
   */
  private void callOffIfGone(ReservedJob reservation) {
    if (!core.keyspace().working().contains(reservation.reaping().entry())) {
      reservation.reaping().timer().cancel();
    }
  }

  private static String cleanse(String text, int maxBytes) {
    String trimmed = GoStrings.trimSpace(text == null ? "" : text);
    return trimmed.isEmpty() ? ErrorTexts.UNKNOWN_FAILURE : GoStrings.truncateBytes(trimmed, maxBytes);
  }

  /** Returns the reservations not yet ACKed or FAILed, in fetch order. */
  List<ReservedJob> all() {
    return List.copyOf(byJid.values());
  }

  /** Returns how many reservations are open. */
  int size() {
    return byJid.size();
  }

  /** Returns how many reservations expired into a failure. */
  long reaped() {
    return reaped;
  }

  /** Forgets every reservation and zeroes the statistics (Redis's working set is emptied separately). */
  void reset() {
    byJid.clear();
    reaped = 0;
  }

  /** A cleansed failure report. */
  private record FailureReport(String errtype, String message, List<String> backtrace) {}

  /**
   * One reserved job in the server's in-memory working map: the decoded job (FAIL updates it in place), who fetched
   * it, when and until when, and its expiry timer.
   */
  record ReservedJob(GoJob job, String wid, Instant since, Instant expiry, Reaping reaping) {}

  /**
   * The working-set entry of a reservation and the timer that expires it, called off when the reservation ends
   * otherwise (so a million ACKed jobs leave no million timers behind).
   */
  record Reaping(WorkingSet.Entry entry, FaktoryClock.Cancellable timer) {}
}
