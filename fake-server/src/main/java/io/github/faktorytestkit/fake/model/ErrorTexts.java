package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;

/**
 * Every error text the fake sends, verbatim from Faktory 1.9.4 (server/*.go, manager/*.go, storage/*.go) and Redis.
 * The wire form is {@code -ERR <text>}. Texts with a parameter have a method that fills it in exactly as the Go
 * code formats it ({@code %s} as is, {@code %q} as a Go-quoted string).
 */
public final class ErrorTexts {
  /** HELLO with a wrong or missing password hash; the connection is then closed. */
  public static final String INVALID_PASSWORD = "Invalid password";
  /** Sent by Faktory 1.10.0 when a handler panics; the fake sends it where 1.9.4 crashes (bare PUSH, ACK, ...). */
  public static final String INTERNAL_ERROR = "internal error";
  /** PUSH/PUSHB: jid empty or shorter than 8 characters. */
  public static final String JID_REQUIRED = "jobs must have a reasonable jid parameter";
  /** PUSH/PUSHB: empty jobtype. */
  public static final String JOBTYPE_REQUIRED = "jobs must have a jobtype parameter";
  /** PUSH/PUSHB: args missing or null. */
  public static final String ARGS_REQUIRED = "jobs must have an args parameter";
  /** PUSH/PUSHB: reserve_for above 86400. */
  public static final String RESERVE_TOO_LONG = "jobs cannot be reserved for more than one day";
  /** A queue name that does not match Faktory's pattern. */
  public static final String QUEUE_NAME_INVALID = "queue names must match \\A[a-zA-Z0-9._-]+\\z";
  /** An empty queue name (reachable only through MUTATE requeue of such a job). */
  public static final String QUEUE_NAME_BLANK = "queue name cannot be blank";
  /** FETCH without a queue. */
  public static final String FETCH_NEEDS_QUEUE = "must call fetch with at least one queue";
  /** FAIL with an empty or missing jid. */
  public static final String MISSING_JID = "missing JID";
  /** MUTATE whose line does not split into exactly two parts at spaces. */
  public static final String MUTATE_INVALID_FORMAT = "invalid format";
  /** MUTATE with an unknown cmd. */
  public static final String MUTATE_UNKNOWN_OPERATION = "unknown mutate operation";
  /** MUTATE with a target other than retries, scheduled or dead. */
  public static final String MUTATE_INVALID_TARGET = "invalid target for mutation command";
  /** QUEUE LATENCY *. */
  public static final String QUEUE_LATENCY_WILDCARD = "QUEUE LATENCY does not support wildcards";
  /** BATCH in the open-source server. */
  public static final String BATCH_ENTERPRISE_ONLY = "batch subsystem is only available in Faktory Enterprise";
  /** TRACK in the open-source server. */
  public static final String TRACK_ENTERPRISE_ONLY = "tracking subsystem is only available in Faktory Enterprise";
  /** Redis's error for an operation on a key of another type (a queue named like one of Faktory's own keys). */
  public static final String WRONGTYPE = WrongTypeException.TEXT;
  /** The errtype of a job whose reservation expired. */
  public static final String RESERVATION_EXPIRED_TYPE = "ReservationExpired";
  /** The message of a job whose reservation expired. */
  public static final String RESERVATION_EXPIRED_MESSAGE = "Faktory job reservation expired";
  /** What FAIL records for an empty errtype or message. */
  public static final String UNKNOWN_FAILURE = "unknown";

  private ErrorTexts() {}

  /** Returns {@code too many connections: <n>}. */
  public static String tooManyConnections(long connections) {
    return "too many connections: " + connections;
  }

  /** Returns {@code unknown command <verb>} (with a trailing space for an empty line). */
  public static String unknownCommand(String verb) {
    return "unknown command " + verb;
  }

  /** Returns {@code invalid JSON: <Go's JSON error>}, the PUSH/PUSHB decoding error. */
  public static String invalidJson(String goJsonError) {
    return "invalid JSON: " + goJsonError;
  }

  /** Returns {@code invalid timestamp for 'at': "<at>": <Go's time error>}. */
  public static String invalidAt(String at, String goTimeError) {
    return "invalid timestamp for 'at': " + GoQuote.quote(at) + ": " + goTimeError;
  }

  /** Returns {@code cannot get "<queue>" queue: <cause>}. */
  public static String cannotGetQueue(String queue, String cause) {
    return "cannot get " + GoQuote.quote(queue) + " queue: " + cause;
  }

  /** Returns {@code unable to store queue name: <cause>}. */
  public static String cannotStoreQueueName(String cause) {
    return "unable to store queue name: " + cause;
  }

  /** Returns {@code cannot add element in the working set: <cause>}, a failed reservation. */
  public static String cannotReserve(String cause) {
    return "cannot add element in the working set: " + cause;
  }

  /** Returns {@code cannot unmarshal job payload: <Go's JSON error>}, a stored job that does not decode. */
  public static String cannotUnmarshalJob(String goJsonError) {
    return "cannot unmarshal job payload: " + goJsonError;
  }

  /** Returns {@code invalid ACK <payload>}. */
  public static String invalidAck(String payload) {
    return "invalid ACK " + payload;
  }

  /** Returns {@code invalid FAIL <payload>}. */
  public static String invalidFail(String payload) {
    return "invalid FAIL " + payload;
  }

  /** Returns {@code Job not found <jid>} (capital J, as in the Go source). */
  public static String jobNotFound(String jid) {
    return "Job not found " + jid;
  }

  /** Returns {@code invalid BEAT <payload>}. */
  public static String invalidBeat(String payload) {
    return "invalid BEAT " + payload;
  }

  /** Returns {@code unknown worker <wid>}. */
  public static String unknownWorker(String wid) {
    return "unknown worker " + wid;
  }

  /** Returns {@code no such QUEUE subcommand: <SUBCOMMAND>} (the subcommand upper-cased). */
  public static String noSuchQueueSubcommand(String upperCased) {
    return "no such QUEUE subcommand: " + upperCased;
  }

  /** Returns {@code QUEUE: <cause>}, a failed QUEUE LATENCY. */
  public static String queueFailed(String cause) {
    return "QUEUE: " + cause;
  }
}
