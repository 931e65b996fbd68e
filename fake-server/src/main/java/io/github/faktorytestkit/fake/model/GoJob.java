package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.model.gocompat.GoJson;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import io.github.faktorytestkit.fake.model.gocompat.GoType;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * A job as the real server holds it: Go's {@code client.Job} after decoding, re-encoded with Go's key order,
 * omitempty rules and value formatting. Mutable like its Go original; confined to the model lock.
 */
public final class GoJob {
  /** Room for the JSON of an ordinary job (Go's {@code load} pushes ~200 characters), so its writer grows not once. */
  private static final int JSON_CAPACITY = 320;

  Long retry;
  GoFailure failure;
  Map<String, Object> custom;
  String jid = "";
  String queue = "";
  String jobtype = "";
  String createdAt = "";
  String enqueuedAt = "";
  String at = "";
  List<Object> args;
  long reserveFor;
  long backtrace;

  /**
   * Decodes a stored or pushed job document.
   *
   * @throws GoJsonException with Go's message when the text is not a job
   */
  public static GoJob parse(String json) throws GoJsonException {
    return fromDecoded(GoStruct.of(GoDecoder.decode(json, FaktoryStructs.JOB)));
  }

  /**
   * Decodes a stored job document, refusing one that does not decode.
   *
   * @param errorText maps Go's error message to the error text the server answers
   * @throws ErrorReplyException with that text when the document is not a job
   */
  public static GoJob parseOrRefuse(String json, UnaryOperator<String> errorText) throws ErrorReplyException {
    try {
      return parse(json);
    } catch (GoJsonException e) {
      throw new ErrorReplyException(errorText.apply(e.getMessage()));
    }
  }

  /**
   * Decodes the document of a PUSH. Models a real-server quirk: the job is decoded into a struct whose retry points
   * at Go's global default, so an explicit {@code "retry":N} (before any {@code "retry":null}) is handed to
   * {@code retryDefault}, which makes it the default of every later job pushed without one, even when this push is
   * then rejected.
   *
   * @throws ErrorReplyException with the server's text when the document is not a job
   */
  public static GoJob decodePushed(String payload, LongConsumer retryDefault) throws ErrorReplyException {
    try {
      Object tree = GoJson.parse(payload, FaktoryStructs.JOB.keys());
      overwriteRetryDefault(tree, retryDefault);
      return fromDecoded(GoStruct.of(GoDecoder.decodeTree(tree, FaktoryStructs.JOB)));
    } catch (GoJsonException e) {
      throw new ErrorReplyException(ErrorTexts.invalidJson(e.getMessage()));
    }
  }

  private static void overwriteRetryDefault(Object tree, LongConsumer retryDefault) {
    if (!(tree instanceof GoJson.JsonObject object)) {
      return;
    }
    boolean pointsAtDefault = true;
    for (GoJson.Member member : object.members()) {
      GoType.Field field = FaktoryStructs.JOB.fieldFor(member.key());
      if (field == null || !field.key().equals("retry")) {
        continue;
      }
      if (member.value() == null) {
        pointsAtDefault = false;
      } else if (pointsAtDefault && member.value() instanceof GoJson.JsonNumber number) {
        acceptInt64(number, retryDefault);
      }
    }
  }

  /** Hands {@code number} to {@code into} when it is an integer that fits an int64 (JSON allows no '+' or 0 in front). */
  private static void acceptInt64(GoJson.JsonNumber number, LongConsumer into) {
    long value;
    try {
      value = Long.parseLong(number.literal());
    } catch (NumberFormatException e) {
      return; // a fraction, an exponent, or out of int64's range
    }
    into.accept(value);
  }

  /** Builds a job from what {@link GoDecoder} produced for {@link FaktoryStructs#JOB}. */
  public static GoJob fromDecoded(GoStruct fields) {
    GoJob job = new GoJob();
    job.retry = fields.pointer("retry");
    GoStruct failure = fields.struct("failure");
    job.failure = failure == null ? null : GoFailure.fromDecoded(failure);
    job.custom = fields.object("custom");
    job.jid = fields.string("jid");
    job.queue = fields.string("queue");
    job.jobtype = fields.string("jobtype");
    job.createdAt = fields.string("created_at");
    job.enqueuedAt = fields.string("enqueued_at");
    job.at = fields.string("at");
    job.args = fields.list("args");
    job.reserveFor = fields.integer("reserve_for");
    job.backtrace = fields.integer("backtrace");
    return job;
  }

  /** Sets {@code created_at} to {@code timestamp} unless the job has one; returns this job. */
  public GoJob createdAtIfUnset(String timestamp) {
    createdAt = createdAt.isEmpty() ? timestamp : createdAt;
    return this;
  }

  /** Returns the job id. */
  public String jid() {
    return jid;
  }

  /** Returns when the job was last enqueued, as stored (RFC 3339), or "". */
  public String enqueuedAt() {
    return enqueuedAt;
  }

  /** Returns the job as Go's {@code json.Marshal} writes it. */
  public String toJson() {
    GoJsonWriter w = new GoJsonWriter(JSON_CAPACITY).beginObject().field("retry", retry);
    if (failure != null) {
      w.key("failure");
      failure.write(w);
    }
    if (custom != null && !custom.isEmpty()) {
      w.field("custom", custom);
    }
    w.field("jid", jid).field("queue", queue).field("jobtype", jobtype);
    GoFailure.omitEmpty(w, "created_at", createdAt);
    GoFailure.omitEmpty(w, "enqueued_at", enqueuedAt);
    GoFailure.omitEmpty(w, "at", at);
    w.field("args", args);
    if (reserveFor != 0) {
      w.field("reserve_for", reserveFor);
    }
    if (backtrace != 0) {
      w.field("backtrace", backtrace);
    }
    return w.endObject().toString();
  }
}
