package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.transcript.Segment;
import io.github.faktorytestkit.transcript.Template;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame body as text with every placeholder replaced by a marker ({@code OPEN index CLOSE}, two private-use
 * characters the body does not hold, neither raw nor JSON-escaped), and for each placeholder whether it stands inside
 * a JSON string (its value is then written escaped in the recording). The text of a client line loses its
 * terminator: the fake's transport hands sessions lines without one. Literals are decoded as the transport decodes
 * lines ({@link GoUtf8#decode}: invalid bytes kept as escaped bytes).
 */
final class MarkedTemplate {
  private final char open;
  private final char close;
  private final String text;
  private final List<Segment.Slot> slots;
  private final List<Boolean> inJsonString;

  private MarkedTemplate(char open, String text, List<Segment.Slot> slots, List<Boolean> inJsonString) {
    this.open = open;
    this.close = (char) (open + 1);
    this.text = text;
    this.slots = slots;
    this.inJsonString = inJsonString;
  }

  /** Returns the marked form of {@code body}; {@code line} strips a trailing CRLF or LF (a client line). */
  static MarkedTemplate of(Template body, boolean line) {
    char open = markerFor(body);
    StringBuilder out = new StringBuilder();
    List<Segment.Slot> slots = new ArrayList<>();
    List<Boolean> inString = new ArrayList<>();
    JsonStringState state = new JsonStringState();
    List<Segment> segments = body.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment instanceof Segment.Slot slot) {
        inString.add(state.inString());
        out.append(open).append(slots.size()).append((char) (open + 1));
        slots.add(slot);
      } else {
        String literal = GoUtf8.decode(segment.bytes(), 0, segment.bytes().length);
        if (line && i == segments.size() - 1) {
          literal = stripTerminator(literal);
        }
        state.feed(literal);
        out.append(literal);
      }
    }
    return new MarkedTemplate(open, out.toString(), List.copyOf(slots), List.copyOf(inString));
  }

  /** Returns the first of two private-use characters that occur in no literal of {@code body}, raw or escaped. */
  private static char markerFor(Template body) {
    String literals = new String(body.bytes(), StandardCharsets.UTF_8);
    String lower = literals.toLowerCase(java.util.Locale.ROOT);
    for (char c = '\uE000'; c < '\uF8FE'; c += 2) {
      if (absent(literals, lower, c) && absent(literals, lower, (char) (c + 1))) {
        return c;
      }
    }
    throw new IllegalArgumentException("body: uses every private-use character (expected: a free pair as marker)");
  }

  private static boolean absent(String text, String lower, char c) {
    return text.indexOf(c) < 0 && !lower.contains(String.format("\\u%04x", (int) c));
  }

  /** Returns the character that opens a marker. */
  char open() {
    return open;
  }

  /** Returns the character that closes a marker. */
  char close() {
    return close;
  }

  static String stripTerminator(String line) {
    if (line.endsWith("\r\n")) {
      return line.substring(0, line.length() - 2);
    }
    return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
  }

  /** Returns the text with markers. */
  String text() {
    return text;
  }

  /** Returns the placeholder of marker {@code index}. */
  Segment.Slot slot(int index) {
    return slots.get(index);
  }

  /** Returns how many placeholders there are. */
  int slotCount() {
    return slots.size();
  }

  /** Returns whether placeholder {@code index} stands inside a JSON string. */
  boolean inJsonString(int index) {
    return inJsonString.get(index);
  }

  /** Returns {@code text} with every marker outside a JSON string quoted, so that it parses as JSON. */
  String quoteBareMarkers(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    JsonStringState state = new JsonStringState();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == open && !state.inString()) {
        int end = text.indexOf(close, i);
        out.append('"').append(text, i, end + 1).append('"');
        i = end;
        continue;
      }
      state.feed(c);
      out.append(c);
    }
    return out.toString();
  }

  /** Follows whether a position in JSON text is inside a string. */
  private static final class JsonStringState {
    private boolean inString;
    private boolean escaped;

    boolean inString() {
      return inString;
    }

    void feed(String text) {
      for (int i = 0; i < text.length(); i++) {
        feed(text.charAt(i));
      }
    }

    void feed(char c) {
      if (escaped) {
        escaped = false;
      } else if (inString && c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = !inString;
      }
    }
  }
}
