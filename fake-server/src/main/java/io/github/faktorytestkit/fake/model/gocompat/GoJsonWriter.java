package io.github.faktorytestkit.fake.model.gocompat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as Go's {@code json.Marshal} does: map keys sorted by their UTF-8 bytes, {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped, float64 numbers in Go's shortest form ({@code 1}, {@code 1e+21},
 * {@code 1e-7}), compact output. Structs are written field by field through {@link #field}. Not thread-safe.
 */
public final class GoJsonWriter {
  private static final String HEX = "0123456789abcdef";
  /** Per ASCII character: whether a string writes it escaped (one lookup per character, not eight comparisons). */
  private static final boolean[] ASCII_ESCAPES = asciiEscapes();

  private final StringBuilder out;
  private boolean needsComma;

  /** Creates a writer with room for 128 characters. */
  public GoJsonWriter() {
    this(128);
  }

  /** Creates a writer with room for {@code capacity} characters before it grows (a job: ~200). */
  public GoJsonWriter(int capacity) {
    out = new StringBuilder(capacity);
  }

  /** Returns {@code value} (map, collection, string, number, boolean or null) as Go's compact JSON. */
  public static String write(Object value) {
    GoJsonWriter writer = new GoJsonWriter();
    writer.value(value);
    return writer.toString();
  }

  /** Starts an object (a Go struct); follow with {@link #field} calls and {@link #endObject()}. */
  public GoJsonWriter beginObject() {
    separate();
    out.append('{');
    needsComma = false;
    return this;
  }

  /** Ends the current object. */
  public GoJsonWriter endObject() {
    out.append('}');
    needsComma = true;
    return this;
  }

  /** Writes the key of the next member; follow with one value, e.g. {@link #value(Object)} or a nested object. */
  public GoJsonWriter key(String key) {
    separate();
    string(key);
    out.append(':');
    needsComma = false;
    return this;
  }

  /** Writes one member {@code "key":value}. */
  public GoJsonWriter field(String key, Object value) {
    return key(key).value(value);
  }

  /** Writes one value: a map (keys sorted), a collection, a string, a number, a boolean or null. */
  public GoJsonWriter value(Object value) {
    separate();
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(formatFloat(((Number) value).doubleValue()));
    } else if (value instanceof Long integer) {
      out.append(integer.longValue()); // no text of its own first
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      map(map);
    } else if (value instanceof Collection<?> list) {
      array(list);
    } else {
      throw new IllegalArgumentException("value: " + value.getClass().getName() + " (expected: a JSON value)");
    }
    needsComma = true;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (needsComma) {
      out.append(',');
      needsComma = false;
    }
  }

  private void map(Map<?, ?> map) {
    List<String> keys = new ArrayList<>();
    map.keySet().forEach(k -> keys.add((String) k));
    keys.sort(GoJsonWriter::compareUtf8);
    out.append('{');
    needsComma = false;
    for (String k : keys) {
      field(k, map.get(k));
    }
    out.append('}');
  }

  private void array(Collection<?> list) {
    out.append('[');
    needsComma = false;
    for (Object element : list) {
      value(element);
    }
    out.append(']');
  }

  /** Writes {@code s} quoted, copying each run of characters that need no escape at once. */
  private void string(String s) {
    out.append('"');
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!needsEscape(c)) {
        continue;
      }
      out.append(s, from, i);
      if (Character.isSurrogate(c)) {
        i = surrogate(s, i);
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        escapeControl(c);
      }
      from = i + 1;
    }
    out.append(s, from, s.length()).append('"');
  }

  private static boolean needsEscape(char c) {
    return c < ASCII_ESCAPES.length ? ASCII_ESCAPES[c] : c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
  }

  /** Which ASCII characters Go escapes: controls, {@code "}, {@code \\}, {@code <}, {@code >} and {@code &}. */
  private static boolean[] asciiEscapes() {
    boolean[] escapes = new boolean[0x80];
    for (char c = 0; c < 0x20; c++) {
      escapes[c] = true;
    }
    for (char c : "\"\\<>&".toCharArray()) {
      escapes[c] = true;
    }
    return escapes;
  }

  private int surrogate(String s, int i) {
    if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      out.append(s, i, i + 2);
      return i + 1;
    }
    out.append("\\ufffd");
    return i;
  }

  private void escapeControl(char c) {
    int simple = "\b\f\n\r\t".indexOf(c);
    if (simple >= 0) {
      out.append('\\').append("bfnrt".charAt(simple));
    } else {
      out.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 0xf))
          .append(HEX.charAt((c >> 4) & 0xf)).append(HEX.charAt(c & 0xf));
    }
  }

  /** Compares strings by their bytes ({@link GoUtf8#encode}), the order Go sorts map keys in. */
  static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(GoUtf8.encode(a), GoUtf8.encode(b));
  }

  /** Returns a float64 as Go's encoder writes it: shortest round-trip digits, exponent form below 1e-6 and from 1e21. */
  public static String formatFloat(double value) {
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    double abs = Math.abs(value);
    if (abs < 1e15 && value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    BigDecimal shortest = shortest(value);
    if (abs < 1e-6 || abs >= 1e21) {
      return exponentForm(shortest);
    }
    return shortest.toPlainString();
  }

  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(candidate.toString()) == value) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static String exponentForm(BigDecimal shortest) {
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder s = new StringBuilder(shortest.signum() < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      s.append('.').append(digits, 1, digits.length());
    }
    s.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    // Go writes at least two exponent digits, then trims the leading zero of a negative one (e-07 becomes e-7).
    s.append(magnitude < 10 && exponent > 0 ? "0" : "").append(magnitude);
    return s.toString();
  }
}
