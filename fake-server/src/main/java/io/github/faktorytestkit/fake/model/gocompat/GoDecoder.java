package io.github.faktorytestkit.fake.model.gocompat;

import io.github.faktorytestkit.fake.model.gocompat.GoJson.JsonNumber;
import io.github.faktorytestkit.fake.model.gocompat.GoJson.JsonObject;
import io.github.faktorytestkit.fake.model.gocompat.GoJson.Member;
import io.github.faktorytestkit.fake.model.gocompat.GoType.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes JSON into {@link GoType}s as Go's {@code json.Unmarshal} does, with Go's messages for type mismatches
 * ({@code json: cannot unmarshal string into Go struct field Job.args of type []interface {}}).
 *
 * <p>Results: a struct becomes a {@code Map} from JSON key to value holding only the fields the document set
 * (Go leaves the others as they were); a map a {@code Map}; a slice a {@code List}; an integer a {@code Long}; a
 * number in {@code interface{}} a {@code Double}; a pointer its element or null. Keys match fields exactly or, as
 * in Go, case-insensitively. Stateless and thread-safe.
 */
public final class GoDecoder {
  private static final Object UNCHANGED = new Object();
  private static final int MAX_SMALL_DIGITS = 18;
  /** Not an integer {@link #smallInteger} reads: no literal of at most 18 digits is this. */
  private static final long NOT_SMALL = Long.MIN_VALUE;

  private GoDecoder() {}

  /**
   * Parses {@code json} and decodes it into {@code type}.
   *
   * @throws GoJsonException with Go's message for the syntax error or the first type mismatch
   */
  public static Object decode(String json, GoType type) throws GoJsonException {
    return decodeTree(GoJson.parse(json, type.keys()), type);
  }

  /**
   * Decodes an already parsed tree into {@code type}.
   *
   * @throws GoJsonException with Go's message for the first type mismatch
   */
  public static Object decodeTree(Object tree, GoType type) throws GoJsonException {
    return orZero(value(tree, type, null, Context.TOP), type);
  }

  private static Object value(Object json, GoType type, Object existing, Context context) throws GoJsonException {
    if (json == null) {
      return nullValue(type);
    }
    switch (type.kind()) {
      case POINTER:
        return value(json, type.element(), existing, context);
      case STRING:
        return string(json, type, context);
      case INTEGER:
        return integer(json, type, context);
      case ANY:
        return any(json, context);
      case TIME:
        return time(json);
      case SLICE:
        return slice(json, type, context);
      case MAP:
        return map(json, type, existing, context);
      default:
        return struct(json, type, existing, context);
    }
  }

  private static Object nullValue(GoType type) {
    switch (type.kind()) {
      case POINTER, SLICE, MAP, ANY:
        return null;
      default:
        return UNCHANGED;
    }
  }

  private static Object integer(Object json, GoType type, Context context) throws GoJsonException {
    if (!(json instanceof JsonNumber number)) {
      throw mismatch(json, type, context);
    }
    // Go's ParseUint takes no sign at all, so an unsigned type refuses even -0
    boolean signRefused = type.minimum() == 0 && number.literal().startsWith("-");
    long small = smallInteger(number.literal());
    if (small != NOT_SMALL && !signRefused && small >= type.minimum() && small <= type.maximum()) {
      return small;
    }
    try {
      BigInteger value = new BigInteger(number.literal());
      if (!signRefused && value.compareTo(BigInteger.valueOf(type.minimum())) >= 0
          && value.compareTo(BigInteger.valueOf(type.maximum())) <= 0) {
        return value.longValue();
      }
    } catch (NumberFormatException e) {
      // a fraction or an exponent: Go's ParseInt rejects it the same way
    }
    throw new GoJsonException(message("number " + number.literal(), type.name(), context));
  }

  /**
   * Returns an integer literal of at most 18 digits (so it fits a long, whatever its digits) without parsing it as a
   * {@code BigInteger}, or {@link #NOT_SMALL} for anything else (longer, a fraction, an exponent).
   */
  private static long smallInteger(String literal) {
    int start = literal.startsWith("-") ? 1 : 0;
    if (literal.length() - start > MAX_SMALL_DIGITS || literal.length() == start) {
      return NOT_SMALL;
    }
    long value = 0;
    for (int i = start; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_SMALL;
      }
      value = value * 10 + (c - '0');
    }
    return start == 1 ? -value : value;
  }

  private static Object any(Object json, Context context) throws GoJsonException {
    if (json instanceof JsonNumber number) {
      double value = float64(number.literal());
      if (Double.isInfinite(value)) {
        throw new GoJsonException(message("number " + number.literal(), "float64", context));
      }
      return value;
    }
    if (json instanceof JsonObject object) {
      return map(object, GoType.ANY_MAP, null, context);
    }
    if (json instanceof List<?> list) {
      return slice(list, GoType.ANY_SLICE, context);
    }
    return json;
  }

  /**
   * Returns a JSON number as Go's {@code float64}: an integer literal of at most 18 digits other than {@code -0}
   * converted from its {@code long} (exact below 2^53, and rounded to nearest as the parser rounds above), any other
   * literal parsed as a double.
   */
  private static double float64(String literal) {
    long small = smallInteger(literal);
    if (small == NOT_SMALL || small == 0 && literal.startsWith("-")) {
      return Double.parseDouble(literal);
    }
    return small;
  }

  private static Object time(Object json) throws GoJsonException {
    if (!(json instanceof String text)) {
      throw new GoJsonException("Time.UnmarshalJSON: input is not a JSON string");
    }
    try {
      GoTime.parseStrictRfc3339(text);
      return text;
    } catch (GoTimeException e) {
      throw new GoJsonException(e.getMessage());
    }
  }

  private static Object slice(Object json, GoType type, Context context) throws GoJsonException {
    if (!(json instanceof List<?> elements)) {
      throw mismatch(json, type, context);
    }
    List<Object> out = new ArrayList<>(elements.size());
    for (Object element : elements) {
      out.add(orZero(value(element, type.element(), null, context), type.element()));
    }
    return out;
  }

  private static Object map(Object json, GoType type, Object existing, Context context) throws GoJsonException {
    Map<String, Object> out = objectInto(json, type, existing, context);
    for (Member member : ((JsonObject) json).members()) {
      out.put(member.key(), orZero(value(member.value(), type.element(), null, context), type.element()));
    }
    return out;
  }

  private static Object struct(Object json, GoType type, Object existing, Context context) throws GoJsonException {
    Map<String, Object> out = objectInto(json, type, existing, context);
    for (Member member : ((JsonObject) json).members()) {
      Field field = type.fieldFor(member.key());
      if (field != null) {
        Context inner = context.enter(type, field.key());
        Object value = value(member.value(), field.type(), out.get(field.key()), inner);
        if (value != UNCHANGED) {
          out.put(field.key(), value);
        }
      }
    }
    return out;
  }

  /** Checks that {@code json} is an object and returns the map to decode it into: Go reuses an existing one. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectInto(Object json, GoType type, Object existing, Context context)
      throws GoJsonException {
    if (!(json instanceof JsonObject)) {
      throw mismatch(json, type, context);
    }
    return existing instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
  }

  private static Object string(Object json, GoType type, Context context) throws GoJsonException {
    if (!(json instanceof String)) {
      throw mismatch(json, type, context);
    }
    return json;
  }

  private static Object orZero(Object value, GoType type) {
    return value == UNCHANGED ? zero(type) : value;
  }

  private static Object zero(GoType type) {
    switch (type.kind()) {
      case STRING:
        return "";
      case INTEGER:
        return 0L;
      case STRUCT:
        return new LinkedHashMap<String, Object>();
      default:
        return null;
    }
  }

  private static GoJsonException mismatch(Object json, GoType type, Context context) {
    return new GoJsonException(message(jsonKind(json), type.name(), context));
  }

  private static String message(String what, String typeName, Context context) {
    String target = context.struct == null
        ? "Go value"
        : "Go struct field " + context.struct.shortName() + "." + String.join(".", context.fieldPath());
    return "json: cannot unmarshal " + what + " into " + target + " of type " + typeName;
  }

  private static String jsonKind(Object json) {
    if (json instanceof String) {
      return "string";
    }
    if (json instanceof JsonNumber) {
      return "number";
    }
    if (json instanceof Boolean) {
      return "bool";
    }
    return json instanceof JsonObject ? "object" : "array";
  }

  /**
   * Where a value sits, for error messages: the innermost struct, and the JSON key leading to the value from the
   * place {@code outer} describes (null at the top). The path is put together only for a message.
   */
  private record Context(GoType struct, Context outer, String key) {
    static final Context TOP = new Context(null, null, null);

    Context enter(GoType structType, String fieldKey) {
      return new Context(structType, this, fieldKey);
    }

    /** Returns the JSON keys from the top to the value. */
    List<String> fieldPath() {
      List<String> path = new ArrayList<>();
      for (Context at = this; at.outer != null; at = at.outer) {
        path.add(0, at.key);
      }
      return path;
    }
  }
}
