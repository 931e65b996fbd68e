package io.github.faktorytestkit.replay;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.faktorytestkit.transcript.Segment;
import io.github.faktorytestkit.transcript.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a recorded frame body with the values bound in this replay in its placeholders: a bound placeholder gets
 * its value (JSON-escaped inside a JSON string), an unbound one keeps the recorded value and binds it, so a value the
 * recorded server made up (a timestamp, a salt) is checked where the client sends it back. Literal bytes stay as
 * recorded.
 */
final class Rewrite {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Rewrite() {}

  /** Returns the bytes of {@code body} with {@code bindings} filled in; unbound placeholders are bound. */
  static byte[] bytes(Template body, Bindings bindings) {
    MarkedTemplate marked = MarkedTemplate.of(body, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int slot = 0;
    for (Segment segment : body.segments()) {
      if (segment instanceof Segment.Slot placeholder) {
        out.writeBytes(value(placeholder, marked.inJsonString(slot++), bindings));
      } else {
        out.writeBytes(segment.bytes());
      }
    }
    return out.toByteArray();
  }

  private static byte[] value(Segment.Slot slot, boolean inJsonString, Bindings bindings) {
    byte[] recorded = slot.value();
    String recordedValue = inJsonString ? unescape(recorded) : new String(recorded, StandardCharsets.UTF_8);
    String value = bindings.get(slot.key());
    if (value == null) {
      bindings.bind(slot.key(), recordedValue);
      return recorded;
    }
    if (value.equals(recordedValue)) {
      return recorded;
    }
    return inJsonString ? escape(value) : value.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the text a JSON string's content {@code escaped} stands for (the bytes as text if malformed). */
  static String unescape(byte[] escaped) {
    String content = new String(escaped, StandardCharsets.UTF_8);
    try {
      return JSON.readValue("\"" + content + "\"", String.class);
    } catch (IOException malformed) {
      return content;
    }
  }

  private static byte[] escape(String value) {
    return JsonStringEncoder.getInstance().quoteAsUTF8(value);
  }
}
