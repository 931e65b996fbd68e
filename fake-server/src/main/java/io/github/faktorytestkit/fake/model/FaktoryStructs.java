package io.github.faktorytestkit.fake.model;

import static io.github.faktorytestkit.fake.model.gocompat.GoType.ANY_MAP;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.ANY_SLICE;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.INT;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.INT64;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.STRING;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.STRING_SLICE;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.TIME;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.UINT8;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.field;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.pointerTo;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.sliceOf;
import static io.github.faktorytestkit.fake.model.gocompat.GoType.struct;

import io.github.faktorytestkit.fake.model.gocompat.GoType;

/** The Go types Faktory 1.9.4 decodes command payloads into, field for field, for Go-exact decoding and errors. */
public final class FaktoryStructs {
  /** {@code client.Failure}. */
  public static final GoType FAILURE = struct("client.Failure", field("failed_at", STRING), field("next_at", STRING),
      field("message", STRING), field("errtype", STRING), field("backtrace", STRING_SLICE),
      field("retry_count", INT), field("remaining", INT));

  /** {@code client.Job}. */
  public static final GoType JOB = struct("client.Job", field("retry", pointerTo(INT)), field("failure", pointerTo(FAILURE)),
      field("custom", ANY_MAP), field("jid", STRING), field("queue", STRING), field("jobtype", STRING),
      field("created_at", STRING), field("enqueued_at", STRING), field("at", STRING), field("args", ANY_SLICE),
      field("reserve_for", INT), field("backtrace", INT));

  /** {@code []client.Job}, the PUSHB payload. */
  public static final GoType JOBS = sliceOf(JOB);

  /** {@code client.JobFilter}. */
  public static final GoType JOB_FILTER = struct("client.JobFilter", field("regexp", STRING), field("jobtype", STRING),
      field("jids", STRING_SLICE));

  /** {@code client.Operation}, the MUTATE payload. */
  public static final GoType OPERATION = struct("client.Operation", field("filter", pointerTo(JOB_FILTER)),
      field("cmd", STRING), field("target", GoType.namedString("client.Structure")));

  /** {@code manager.FailPayload}, the FAIL payload. */
  public static final GoType FAIL_PAYLOAD = struct("manager.FailPayload", field("jid", STRING), field("message", STRING),
      field("errtype", STRING), field("backtrace", STRING_SLICE));

  /** {@code server.ClientBeat}, the BEAT payload. */
  public static final GoType CLIENT_BEAT = struct("server.ClientBeat", field("current_state", STRING), field("wid", STRING),
      field("rss_kb", INT64));

  /** {@code server.ClientData}, the HELLO payload (its exported StartedAt field has no tag, hence the key). */
  public static final GoType CLIENT_DATA = struct("server.ClientData", field("StartedAt", TIME), field("hostname", STRING),
      field("wid", STRING), field("pwdhash", STRING), field("username", STRING), field("labels", STRING_SLICE),
      field("pid", INT), field("rss_kb", INT64), field("v", UINT8));

  private FaktoryStructs() {}
}
