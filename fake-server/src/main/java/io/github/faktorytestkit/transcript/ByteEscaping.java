package io.github.faktorytestkit.transcript;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text form of a frame body (see {@code recordings/README.md}): valid UTF-8 as itself; {@code \\}, {@code \r},
 * {@code \n}, {@code \t}; {@code \xNN} for every other control byte, C1 control, line or paragraph separator,
 * byte-order mark and byte that is not valid UTF-8; {@code \{} for a literal brace that would otherwise start
 * {@code {{}; a trailing space as {@code \x20}; placeholders as {@code {{name:index=value}}} (binding, braces in
 * the value escaped) or {@code {{name:index}}} (reuse). Stateless.
 */
final class ByteEscaping {
  private ByteEscaping() {}

  /** Returns the text form of {@code body}. */
  static String escape(Template body) {
    StringBuilder out = new StringBuilder();
    List<Segment> segments = body.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment instanceof Segment.Slot slot) {
        out.append("{{").append(slot.key());
        if (slot.binding()) {
          out.append('=').append(escapeValue(slot.value()));
        }
        out.append("}}");
      } else {
        boolean slotFollows = i + 1 < segments.size();
        out.append(escapeLiteral(segment.bytes(), slotFollows));
      }
    }
    return protectTrailingSpace(out);
  }

  /** Returns the text form of literal {@code bytes}; {@code braceFollows} says whether the next text is a {. */
  static String escapeLiteral(byte[] bytes, boolean braceFollows) {
    int[] units = decode(bytes);
    StringBuilder out = new StringBuilder(units.length + 8);
    for (int i = 0; i < units.length; i++) {
      boolean nextIsBrace = i + 1 < units.length ? units[i + 1] == '{' : braceFollows;
      if (units[i] == '{' && nextIsBrace) {
        out.append("\\{");
      } else {
        appendUnit(out, units[i]);
      }
    }
    return out.toString();
  }

  private static String escapeValue(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (int unit : decode(bytes)) {
      if (unit == '{' || unit == '}') {
        out.append('\\').append((char) unit);
      } else {
        appendUnit(out, unit);
      }
    }
    return out.toString();
  }

  private static String protectTrailingSpace(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
      out.append("\\x20");
    }
    return out.toString();
  }

  /**
   * Decodes UTF-8 into units: a char (0..0xFFFF) for each UTF-16 unit of valid text, and {@code -1 - b} for each
   * byte {@code b} of an invalid sequence.
   */
  private static int[] decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer decoded = CharBuffer.allocate(bytes.length);
    int[] units = new int[bytes.length];
    int count = 0;
    CoderResult result = decoder.decode(in, decoded, true);
    while (result.isError()) {
      count = drain(decoded, units, count);
      for (int i = 0; i < result.length(); i++) {
        units[count++] = -1 - (in.get() & 0xff);
      }
      result = decoder.decode(in, decoded, true);
    }
    count = drain(decoded, units, count);
    return java.util.Arrays.copyOf(units, count);
  }

  private static int drain(CharBuffer decoded, int[] units, int count) {
    decoded.flip();
    while (decoded.hasRemaining()) {
      units[count++] = decoded.get();
    }
    decoded.clear();
    return count;
  }

  private static void appendUnit(StringBuilder out, int unit) {
    if (unit < 0) {
      appendHex(out, -1 - unit);
      return;
    }
    char c = (char) unit;
    switch (c) {
      case '\\' -> out.append("\\\\");
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      default -> {
        if (needsByteEscape(c)) {
          for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
            appendHex(out, b & 0xff);
          }
        } else {
          out.append(c);
        }
      }
    }
  }

  /** Characters that some tools read as a line break or hide: written as their UTF-8 bytes. */
  private static boolean needsByteEscape(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff';
  }

  private static void appendHex(StringBuilder out, int b) {
    out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
  }

  /**
   * Parses the text form {@code text} into segments. {@code bound} maps {@code name:index} to the value bound so far
   * in the transcript; a binding adds to it.
   *
   * @throws IllegalArgumentException naming the column (counted from {@code column0}) of the first malformed
   *     escape or placeholder
   */
  static List<Segment> parse(String text, Map<String, byte[]> bound, int column0) {
    return new Parser(text, bound, column0).segments();
  }

  /** The body parser: one pass, left to right. */
  private static final class Parser {
    private final String text;
    private final Map<String, byte[]> bound;
    private final List<Segment> segments = new ArrayList<>();
    private final ByteArrayOutputStream literal = new ByteArrayOutputStream();
    private final int column0;
    private int at;

    Parser(String text, Map<String, byte[]> bound, int column0) {
      this.text = text;
      this.bound = bound;
      this.column0 = column0;
    }

    List<Segment> segments() {
      while (at < text.length()) {
        if (text.startsWith("{{", at)) {
          flushLiteral();
          segments.add(slot());
        } else {
          unescapeInto(literal, false);
        }
      }
      flushLiteral();
      return segments;
    }

    private void flushLiteral() {
      if (literal.size() > 0) {
        segments.add(new Segment.Literal(literal.toByteArray()));
        literal.reset();
      }
    }

    private Segment.Slot slot() {
      int start = at;
      at += 2;
      int end = at;
      while (end < text.length() && ":=}".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      String name = text.substring(at, end);
      at = end;
      expect(':', start);
      int index = number(start);
      String key = name + ":" + index;
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
        return bind(name, index, key, value(start), start);
      }
      expectClose(start);
      byte[] value = bound.get(key);
      if (value == null) {
        throw problem(start, "placeholder {{" + key + "}} used before it is bound");
      }
      return new Segment.Slot(name, index, value, false);
    }

    private Segment.Slot bind(String name, int index, String key, byte[] value, int start) {
      if (bound.containsKey(key)) {
        throw problem(start, "placeholder {{" + key + "}} bound a second time (expected: {{" + key + "}} to reuse)");
      }
      Segment.Slot slot;
      try {
        slot = new Segment.Slot(name, index, value, true);
      } catch (IllegalArgumentException e) {
        throw problem(start, e.getMessage());
      }
      bound.put(key, value);
      return slot;
    }

    private byte[] value(int start) {
      ByteArrayOutputStream value = new ByteArrayOutputStream();
      while (at < text.length() && text.charAt(at) != '}') {
        unescapeInto(value, true);
      }
      expectClose(start);
      return value.toByteArray();
    }

    private int number(int start) {
      int end = at;
      while (end < text.length() && Character.isDigit(text.charAt(end)) && end - at < 9) {
        end++;
      }
      if (end == at) {
        throw problem(start, "placeholder without an index (expected: {{name:index}})");
      }
      int index = Integer.parseInt(text.substring(at, end));
      at = end;
      return index;
    }

    private void expect(char c, int start) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw problem(start, "malformed placeholder (expected: {{name:index}} or {{name:index=value}})");
      }
      at++;
    }

    private void expectClose(int start) {
      if (!text.startsWith("}}", at)) {
        throw problem(start, "unterminated placeholder (expected: }})");
      }
      at += 2;
    }

    /** Consumes one character or escape of the text and appends its bytes to {@code out}. */
    private void unescapeInto(ByteArrayOutputStream out, boolean inValue) {
      char c = text.charAt(at);
      if (c != '\\') {
        if (inValue && c == '{') {
          throw problem(at, "unescaped { inside a placeholder value (expected: \\{)");
        }
        int cp = text.codePointAt(at);
        at += Character.charCount(cp);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (at + 1 >= text.length()) {
        throw problem(at, "backslash at the end of the line (expected: \\\\ for a backslash)");
      }
      char escaped = text.charAt(at + 1);
      at += 2;
      switch (escaped) {
        case '\\' -> out.write('\\');
        case 'r' -> out.write('\r');
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case '{' -> out.write('{');
        case '}' -> out.write('}');
        case 'x' -> out.write(hexByte());
        default -> throw problem(at - 2, "unknown escape \\" + escaped
            + " (expected: \\\\ \\r \\n \\t \\{ \\} or \\xNN)");
      }
    }

    private int hexByte() {
      if (at + 2 > text.length()) {
        throw problem(at - 2, "truncated \\x escape (expected: two hex digits)");
      }
      int high = Character.digit(text.charAt(at), 16);
      int low = Character.digit(text.charAt(at + 1), 16);
      if (high < 0 || low < 0) {
        throw problem(at - 2, "bad \\x escape (expected: two hex digits)");
      }
      at += 2;
      return high << 4 | low;
    }

    private IllegalArgumentException problem(int column, String message) {
      return new IllegalArgumentException("column " + (column0 + column + 1) + ": " + message);
    }
  }
}
