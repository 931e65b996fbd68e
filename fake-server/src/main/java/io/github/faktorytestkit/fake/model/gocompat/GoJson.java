package io.github.faktorytestkit.fake.model.gocompat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Parses JSON text the way Go's {@code encoding/json} checks it: the same accepted syntax and the same syntax error
 * messages ({@code invalid character 'x' after top-level value}, {@code unexpected end of JSON input}, ...).
 *
 * <p>The result is a tree of plain values: {@link JsonObject} (members in document order, duplicates kept),
 * {@link List} for arrays, {@link String}, {@link JsonNumber} (the literal text), {@link Boolean} and {@code null}.
 * Type conversion happens later, in {@link GoDecoder}. Stateless and thread-safe.
 */
public final class GoJson {
  private static final int MAX_DEPTH = 10_000;

  private final byte[] in;
  private final GoJsonKeys keys;
  private final Deque<Container> stack = new ArrayDeque<>();
  private int pos;

  private GoJson(byte[] in, GoJsonKeys keys) {
    this.in = in;
    this.keys = keys;
  }

  /**
   * Returns the tree of {@code text}, read as the bytes it stands for ({@link GoUtf8#encode}): an escaped byte is
   * the invalid byte itself, quoted as its Latin-1 rune in a syntax error and U+FFFD inside a string.
   *
   * @throws GoJsonException with Go's syntax error message when {@code text} is not one JSON value
   */
  public static Object parse(String text) throws GoJsonException {
    return parse(text, GoJsonKeys.NONE);
  }

  /**
   * Returns the tree of {@code text} as {@link #parse(String)} does, each object key that is one of {@code keys}
   * spelled plainly (no escape) being that very string.
   *
   * @throws GoJsonException with Go's syntax error message when {@code text} is not one JSON value
   */
  public static Object parse(String text, GoJsonKeys keys) throws GoJsonException {
    return new GoJson(GoUtf8.encode(text), keys).document();
  }

  /** A JSON object: its members in document order, duplicate keys included. */
  public record JsonObject(List<Member> members) {
    /** Creates the object; the list is copied. */
    public JsonObject {
      members = List.copyOf(members);
    }
  }

  /** One {@code "key": value} pair of a {@link JsonObject}; the value may be null (JSON null). */
  public record Member(String key, Object value) {}

  /** A JSON number, kept as its literal text so each Go target type can convert it its own way. */
  public record JsonNumber(String literal) {}

  private Object document() throws GoJsonException {
    Object value = value();
    skipSpace();
    if (pos < in.length) {
      throw invalid("after top-level value");
    }
    return value;
  }

  private Object value() throws GoJsonException {
    boolean valueExpected = true;
    while (true) {
      Object done = valueExpected ? startValue() : afterValue();
      valueExpected = done == Container.OPEN;
      if (!valueExpected) {
        if (stack.isEmpty()) {
          return done;
        }
        stack.peek().add(done);
      }
    }
  }

  /** Reads the start of a value: returns a scalar or an empty container, or OPEN when a container was opened. */
  private Object startValue() throws GoJsonException {
    skipSpace();
    requireMore();
    byte c = in[pos];
    switch (c) {
      case '{':
        return openObject();
      case '[':
        return openArray();
      case '"':
        pos++;
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || isDigit(c)) {
          return number();
        }
        throw invalid("looking for beginning of value");
    }
  }

  private Object openObject() throws GoJsonException {
    if (opensEmpty(new Container(true), '}')) {
      return stack.pop().value();
    }
    stack.peek().key = key();
    return Container.OPEN;
  }

  private Object openArray() throws GoJsonException {
    return opensEmpty(new Container(false), ']') ? stack.pop().value() : Container.OPEN;
  }

  /** Pushes {@code container} past its opening bracket; returns whether {@code close} follows at once. */
  private boolean opensEmpty(Container container, char close) throws GoJsonException {
    push(container);
    skipSpace();
    requireMore();
    if (in[pos] == close) {
      pos++;
      return true;
    }
    return false;
  }

  /** Reads what follows a value in the top container: returns the closed container, or OPEN after a comma. */
  private Object afterValue() throws GoJsonException {
    Container top = stack.peek();
    skipSpace();
    requireMore();
    byte c = in[pos];
    if (c == ',') {
      pos++;
      if (top.isObject) {
        top.key = key();
      }
      return Container.OPEN;
    }
    if (c == (top.isObject ? '}' : ']')) {
      pos++;
      return stack.pop().value();
    }
    throw invalid(top.isObject ? "after object key:value pair" : "after array element");
  }

  private String key() throws GoJsonException {
    skipSpace();
    requireMore();
    if (in[pos] != '"') {
      throw invalid("looking for beginning of object key string");
    }
    pos++;
    String key = string(keys);
    skipSpace();
    requireMore();
    if (in[pos] != ':') {
      throw invalid("after object key");
    }
    pos++;
    return key;
  }

  private void push(Container container) throws GoJsonException {
    if (stack.size() + 1 > MAX_DEPTH) {
      throw invalid("exceeded max depth");
    }
    pos++;
    stack.push(container);
  }

  private String string() throws GoJsonException {
    return string(GoJsonKeys.NONE);
  }

  /** Reads a string literal's rest; spelled plainly as one of {@code known}, it is that very string. */
  private String string(GoJsonKeys known) throws GoJsonException {
    int runEnd = plainRunEnd();
    if (runEnd < in.length && in[runEnd] == '"') {
      String text = known.find(in, pos, runEnd - pos);
      if (text == null) {
        text = GoUtf8.decodeReplacing(in, pos, runEnd - pos);
      }
      pos = runEnd + 1;
      return text;
    }
    GoStringDecoder text = new GoStringDecoder();
    while (true) {
      runEnd = plainRunEnd();
      if (runEnd > pos) {
        text.addBytes(in, pos, runEnd - pos);
        pos = runEnd;
      }
      requireMore();
      byte c = in[pos];
      if (c == '"') {
        pos++;
        return text.finish();
      }
      if (c != '\\') {
        throw invalid("in string literal");
      }
      pos++;
      escape(text);
    }
  }

  /** Returns where the run of raw string bytes from {@code pos} ends: at a quote, a backslash, a control or the end. */
  private int plainRunEnd() {
    int i = pos;
    while (i < in.length) {
      byte c = in[i];
      if (c == '"' || c == '\\' || (c & 0xff) < 0x20) {
        return i;
      }
      i++;
    }
    return i;
  }

  private void escape(GoStringDecoder text) throws GoJsonException {
    byte c = inToken("in string escape code");
    int simple = "\"\\/bfnrt".indexOf(c);
    if (simple >= 0) {
      text.addChar("\"\\/\b\f\n\r\t".charAt(simple));
      pos++;
    } else if (c == 'u') {
      pos++;
      text.addEscape(hex4());
    } else {
      throw invalid("in string escape code");
    }
  }

  private int hex4() throws GoJsonException {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(inToken("in \\u hexadecimal character escape"), 16);
      if (digit < 0) {
        throw invalid("in \\u hexadecimal character escape");
      }
      value = value * 16 + digit;
      pos++;
    }
    return value;
  }

  private JsonNumber number() throws GoJsonException {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
      requireDigit("in numeric literal");
    }
    if (in[pos] == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < in.length && in[pos] == '.') {
      pos++;
      requireDigit("after decimal point in numeric literal");
      digits();
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      requireDigit("in exponent of numeric literal");
      digits();
    }
    return new JsonNumber(new String(in, start, pos - start, StandardCharsets.US_ASCII));
  }

  private void requireDigit(String context) throws GoJsonException {
    if (!isDigit(inToken(context))) {
      throw invalid(context);
    }
  }

  private void digits() {
    while (pos < in.length && isDigit(in[pos])) {
      pos++;
    }
  }

  private Object literal(String word, Object value) throws GoJsonException {
    pos++;
    for (int i = 1; i < word.length(); i++) {
      String context = "in literal " + word + " (expecting '" + word.charAt(i) + "')";
      if (inToken(context) != word.charAt(i)) {
        throw invalid(context);
      }
      pos++;
    }
    return value;
  }

  private void skipSpace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
      pos++;
    }
  }

  private void requireMore() throws GoJsonException {
    if (pos >= in.length) {
      throw new GoJsonException("unexpected end of JSON input");
    }
  }

  /**
   * Returns the next byte of a token that cannot end here. At the end of the input Go's scanner feeds itself a space
   * ({@code scanner.eof}), so a cut token fails as {@code invalid character ' ' <context>}, not as an unexpected end.
   */
  private byte inToken(String context) throws GoJsonException {
    if (pos >= in.length) {
      throw new GoJsonException("invalid character ' ' " + context);
    }
    return in[pos];
  }

  private GoJsonException invalid(String context) {
    return new GoJsonException("invalid character " + quoteChar(in[pos]) + " " + context);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Returns a byte quoted as Go's JSON scanner does in its messages: {@code 'x'}, {@code '\n'}, {@code 'Ã'}. */
  static String quoteChar(byte c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String quoted = GoQuote.quote(String.valueOf((char) (c & 0xff)));
    return "'" + quoted.substring(1, quoted.length() - 1) + "'";
  }

  /** An object or array being filled: its members ({@link Member}s) or elements, in document order. */
  private static final class Container {
    static final Object OPEN = new Object();

    final boolean isObject;
    final List<Object> items = new ArrayList<>();
    String key;

    Container(boolean isObject) {
      this.isObject = isObject;
    }

    void add(Object value) {
      items.add(isObject ? new Member(key, value) : value);
    }

    @SuppressWarnings("unchecked") // an object's items are all Members
    Object value() {
      return isObject ? new JsonObject((List<Member>) (List<?>) items) : Collections.unmodifiableList(items);
    }
  }
}
