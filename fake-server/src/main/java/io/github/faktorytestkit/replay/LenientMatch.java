package io.github.faktorytestkit.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches an actual frame body against a recorded one, leniently: a JSON document (after a prefix such as
 * {@code HELLO } or {@code HI }) is compared as a value (object keys in any order, numbers by value), text
 * literally; a placeholder already bound must hold its bound value, an unbound one binds to whatever stands in its
 * place. The result carries the new bindings (committed only if the caller accepts the match) or the first
 * difference. Stateless.
 */
final class LenientMatch {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final MarkedTemplate expected;
  private final Function<String, String> bound;
  private final Map<String, String> bindings = new LinkedHashMap<>();
  private String difference;

  private LenientMatch(MarkedTemplate expected, Function<String, String> bound) {
    this.expected = expected;
    this.bound = bound;
  }

  /** The outcome: the placeholders it binds when it matched, else what differs first. */
  record Result(boolean matched, Map<String, String> bindings, String difference) {}

  /**
   * Matches {@code actual} against {@code expected}; {@code bound} returns a placeholder's bound value (by
   * {@code name:index}) or null.
   */
  static Result match(MarkedTemplate expected, String actual, Function<String, String> bound) {
    LenientMatch match = new LenientMatch(expected, bound);
    boolean matched = match.run(actual);
    return new Result(matched, matched ? Map.copyOf(match.bindings) : Map.of(),
        matched ? null : match.difference);
  }

  private boolean run(String actual) {
    String text = expected.text();
    int expectedJson = jsonStart(text);
    int actualJson = jsonStart(actual);
    if (expectedJson >= 0 && actualJson >= 0) {
      Optional<JsonNode> expectedTree = parse(expected.quoteBareMarkers(text.substring(expectedJson)));
      Optional<JsonNode> actualTree = parse(actual.substring(actualJson));
      if (expectedTree.isPresent() && actualTree.isPresent()) {
        return text(text.substring(0, expectedJson), actual.substring(0, actualJson), "the text before the JSON")
            && node(expectedTree.get(), actualTree.get(), "$");
      }
    }
    return text(text, actual, "the line");
  }

  private static int jsonStart(String text) {
    int brace = text.indexOf('{');
    int bracket = text.indexOf('[');
    return brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
  }

  /** Parses JSON as Go decodes it: an invalid byte (an escaped byte of {@link GoUtf8}) is U+FFFD. */
  private static Optional<JsonNode> parse(String json) {
    try {
      return Optional.of(JSON.readTree(GoUtf8.repair(json)));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  private boolean node(JsonNode want, JsonNode got, String path) {
    if (want.isTextual() && want.textValue().indexOf(expected.open()) >= 0) {
      String gotText = got.isTextual() ? got.textValue() : got.toString();
      return text(want.textValue(), gotText, path);
    }
    if (want.isObject()) {
      return got.isObject() ? object(want, got, path) : differ(path, want, got);
    }
    if (want.isArray()) {
      if (!got.isArray() || got.size() != want.size()) {
        return differ(path, want, got);
      }
      for (int i = 0; i < want.size(); i++) {
        if (!node(want.get(i), got.get(i), path + "[" + i + "]")) {
          return false;
        }
      }
      return true;
    }
    if (want.isNumber() && got.isNumber()) {
      return want.decimalValue().compareTo(got.decimalValue()) == 0 || differ(path, want, got);
    }
    return want.equals(got) || differ(path, want, got);
  }

  /** Literal keys pair by name; keys holding a placeholder pair with the remaining keys in order. */
  private boolean object(JsonNode want, JsonNode got, String path) {
    List<String> marked = new ArrayList<>();
    List<String> unpaired = new ArrayList<>();
    got.fieldNames().forEachRemaining(unpaired::add);
    for (Iterator<String> keys = want.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (key.indexOf(expected.open()) >= 0) {
        marked.add(key);
        continue;
      }
      if (!got.has(key)) {
        return fail(path + ": key \"" + key + "\" missing");
      }
      unpaired.remove(key);
      if (!node(want.get(key), got.get(key), path + "." + key)) {
        return false;
      }
    }
    if (marked.size() != unpaired.size()) {
      return fail(path + ": " + (unpaired.size() - marked.size() > 0 ? "unexpected key(s) " + unpaired
          : "missing " + (marked.size() - unpaired.size()) + " key(s)"));
    }
    for (int i = 0; i < marked.size(); i++) {
      String key = unpaired.get(i);
      if (!text(marked.get(i), key, path + " key") || !node(want.get(marked.get(i)), got.get(key), path + "." + key)) {
        return false;
      }
    }
    return true;
  }

  /** Matches text with markers: bound placeholders stand for their values, unbound ones capture. */
  private boolean text(String want, String got, String where) {
    StringBuilder regex = new StringBuilder();
    List<String> capturing = new ArrayList<>();
    int from = 0;
    for (int open = want.indexOf(expected.open()); open >= 0; open = want.indexOf(expected.open(), from)) {
      int close = want.indexOf(expected.close(), open);
      regex.append(Pattern.quote(want.substring(from, open)));
      String key = expected.slot(Integer.parseInt(want.substring(open + 1, close))).key();
      String value = valueOf(key);
      int earlier = capturing.indexOf(key);
      if (value != null) {
        regex.append(Pattern.quote(value));
      } else if (earlier >= 0) {
        regex.append("\\").append(earlier + 1);
      } else {
        capturing.add(key);
        regex.append("(.*?)");
      }
      from = close + 1;
    }
    regex.append(Pattern.quote(want.substring(from)));
    Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(got);
    if (!matcher.matches()) {
      return fail(where + ": expected " + shown(want) + ", got " + quoted(got));
    }
    for (int i = 0; i < capturing.size(); i++) {
      bindings.put(capturing.get(i), matcher.group(i + 1));
    }
    return true;
  }

  private String valueOf(String key) {
    String value = bindings.get(key);
    return value != null ? value : bound.apply(key);
  }

  /** Returns {@code text} with its markers written as the placeholders they stand for. */
  private String shown(String text) {
    StringBuilder out = new StringBuilder("\"");
    int from = 0;
    for (int open = text.indexOf(expected.open()); open >= 0; open = text.indexOf(expected.open(), from)) {
      int close = text.indexOf(expected.close(), open);
      String key = expected.slot(Integer.parseInt(text.substring(open + 1, close))).key();
      String value = valueOf(key);
      out.append(text, from, open).append("{{").append(key).append(value == null ? "" : "=" + value).append("}}");
      from = close + 1;
    }
    return out.append(text.substring(from)).append('"').toString();
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private boolean differ(String path, JsonNode want, JsonNode got) {
    return fail(path + ": expected " + want + ", got " + got);
  }

  private boolean fail(String what) {
    difference = what;
    return false;
  }
}
