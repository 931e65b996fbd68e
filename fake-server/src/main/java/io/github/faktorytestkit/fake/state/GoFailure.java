package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoJsonWriter;
import java.util.List;
import java.util.Map;

/** The server's {@code client.Failure} record inside a job: mutable like its Go original, not thread-safe. */
final class GoFailure {
  String failedAt = "";
  String nextAt = "";
  String message = "";
  String errtype = "";
  List<String> backtrace;
  long retryCount;
  long remaining;

  @SuppressWarnings("unchecked")
  static GoFailure fromDecoded(Map<String, Object> fields) {
    GoFailure f = new GoFailure();
    f.failedAt = (String) fields.getOrDefault("failed_at", "");
    f.nextAt = (String) fields.getOrDefault("next_at", "");
    f.message = (String) fields.getOrDefault("message", "");
    f.errtype = (String) fields.getOrDefault("errtype", "");
    f.backtrace = (List<String>) fields.get("backtrace");
    f.retryCount = (Long) fields.getOrDefault("retry_count", 0L);
    f.remaining = (Long) fields.getOrDefault("remaining", 0L);
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
