package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.state.gocompat.GoJsonWriter;
import java.util.List;
import java.util.Map;

/**
 * A job as the real server holds it: Go's {@code client.Job} after decoding, re-encoded with Go's key order,
 * omitempty rules and value formatting. Mutable like its Go original; confined to the model lock.
 */
final class GoJob {
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
  static GoJob parse(String json) throws GoJsonException {
    return fromDecoded(decodedMap(GoDecoder.decode(json, GoTypes.JOB)));
  }

  /** Builds a job from the field map {@link GoDecoder} produced for {@link GoTypes#JOB}. */
  @SuppressWarnings("unchecked")
  static GoJob fromDecoded(Map<String, Object> fields) {
    GoJob job = new GoJob();
    job.retry = (Long) fields.get("retry");
    Object failure = fields.get("failure");
    job.failure = failure == null ? null : GoFailure.fromDecoded((Map<String, Object>) failure);
    job.custom = (Map<String, Object>) fields.get("custom");
    job.jid = (String) fields.getOrDefault("jid", "");
    job.queue = (String) fields.getOrDefault("queue", "");
    job.jobtype = (String) fields.getOrDefault("jobtype", "");
    job.createdAt = (String) fields.getOrDefault("created_at", "");
    job.enqueuedAt = (String) fields.getOrDefault("enqueued_at", "");
    job.at = (String) fields.getOrDefault("at", "");
    job.args = (List<Object>) fields.get("args");
    job.reserveFor = (Long) fields.getOrDefault("reserve_for", 0L);
    job.backtrace = (Long) fields.getOrDefault("backtrace", 0L);
    return job;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> decodedMap(Object decoded) {
    return (Map<String, Object>) decoded;
  }

  /** Returns the job as Go's {@code json.Marshal} writes it. */
  String toJson() {
    GoJsonWriter w = new GoJsonWriter().beginObject().field("retry", retry);
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
