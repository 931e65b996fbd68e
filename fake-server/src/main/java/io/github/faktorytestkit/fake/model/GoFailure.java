package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import java.util.List;

/** The server's {@code client.Failure} record inside a job: mutable like its Go original, not thread-safe. */
final class GoFailure {
  String failedAt = "";
  String nextAt = "";
  String message = "";
  String errtype = "";
  List<String> backtrace;
  long retryCount;
  long remaining;

  static GoFailure fromDecoded(GoStruct fields) {
    GoFailure f = new GoFailure();
    f.failedAt = fields.string("failed_at");
    f.nextAt = fields.string("next_at");
    f.message = fields.string("message");
    f.errtype = fields.string("errtype");
    f.backtrace = fields.list("backtrace");
    f.retryCount = fields.integer("retry_count");
    f.remaining = fields.integer("remaining");
    return f;
  }

  void write(GoJsonWriter w) {
    w.beginObject().field("failed_at", failedAt);
    omitEmpty(w, "next_at", nextAt);
    omitEmpty(w, "message", message);
    omitEmpty(w, "errtype", errtype);
    if (backtrace != null && !backtrace.isEmpty()) {
      w.field("backtrace", backtrace);
    }
    w.field("retry_count", retryCount).field("remaining", remaining).endObject();
  }

  static void omitEmpty(GoJsonWriter w, String key, String value) {
    if (!value.isEmpty()) {
      w.field(key, value);
    }
  }
}
