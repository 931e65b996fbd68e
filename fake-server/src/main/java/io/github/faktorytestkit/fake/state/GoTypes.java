package io.github.faktorytestkit.fake.state;

import static io.github.faktorytestkit.fake.state.gocompat.GoType.ANY_MAP;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.ANY_SLICE;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.INT;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.INT64;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.STRING;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.STRING_SLICE;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.TIME;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.UINT8;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.field;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.pointerTo;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.sliceOf;
import static io.github.faktorytestkit.fake.state.gocompat.GoType.struct;

import io.github.faktorytestkit.fake.state.gocompat.GoType;

/** The Go types Faktory 1.9.4 decodes command payloads into, field for field, for Go-exact decoding and errors. */
final class GoTypes {
  /** {@code client.Failure}. */
  static final GoType FAILURE = struct("client.Failure", field("failed_at", STRING), field("next_at", STRING),
      field("message", STRING), field("errtype", STRING), field("backtrace", STRING_SLICE),
      field("retry_count", INT), field("remaining", INT));

  /** {@code client.Job}. */
  static final GoType JOB = struct("client.Job", field("retry", pointerTo(INT)), field("failure", pointerTo(FAILURE)),
      field("custom", ANY_MAP), field("jid", STRING), field("queue", STRING), field("jobtype", STRING),
      field("created_at", STRING), field("enqueued_at", STRING), field("at", STRING), field("args", ANY_SLICE),
      field("reserve_for", INT), field("backtrace", INT));

  /** {@code []client.Job}, the PUSHB payload. */
  static final GoType JOBS = sliceOf(JOB);

  /** {@code client.JobFilter}. */
  static final GoType JOB_FILTER = struct("client.JobFilter", field("regexp", STRING), field("jobtype", STRING),
      field("jids", STRING_SLICE));

  /** {@code client.Operation}, the MUTATE payload. */
  static final GoType OPERATION = struct("client.Operation", field("filter", pointerTo(JOB_FILTER)),
      field("cmd", STRING), field("target", GoType.namedString("client.Structure")));

  /** {@code manager.FailPayload}, the FAIL payload. */
  static final GoType FAIL_PAYLOAD = struct("manager.FailPayload", field("jid", STRING), field("message", STRING),
      field("errtype", STRING), field("backtrace", STRING_SLICE));

  /** {@code server.ClientBeat}, the BEAT payload. */
  static final GoType CLIENT_BEAT = struct("server.ClientBeat", field("current_state", STRING), field("wid", STRING),
      field("rss_kb", INT64));

  /** {@code server.ClientData}, the HELLO payload (its exported StartedAt field has no tag, hence the key). */
  static final GoType CLIENT_DATA = struct("server.ClientData", field("StartedAt", TIME), field("hostname", STRING),
      field("wid", STRING), field("pwdhash", STRING), field("username", STRING), field("labels", STRING_SLICE),
      field("pid", INT), field("rss_kb", INT64), field("v", UINT8));

  private GoTypes() {}
}
