package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.model.gocompat.GoType;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A struct as {@link GoDecoder} decoded it, with typed reads: a field the document did not set reads as Go's zero
 * value ("" or 0), pointers, slices and maps as null. Also decodes command payloads as the real server does,
 * turning Go's decoding error into the command's error text.
 *
 * @param map the decoded fields by JSON key
 */
public record GoStruct(Map<String, Object> map) {

  /** Wraps a decoded struct; null (a JSON null document) reads as an empty struct. */
  @SuppressWarnings("unchecked")
  public static GoStruct of(Object decoded) {
    return new GoStruct(decoded == null ? Map.of() : (Map<String, Object>) decoded);
  }

  /**
   * Decodes {@code json} into the struct {@code type}.
   *
   * @param errorText maps Go's error message to the error text the command answers
   * @throws ErrorReplyException with that text when Go would fail to decode
   */
  public static GoStruct decode(String json, GoType type, UnaryOperator<String> errorText)
      throws ErrorReplyException {
    return of(decodeValue(json, type, errorText));
  }

  /**
   * Decodes {@code json} into {@code type}.
   *
   * @param errorText maps Go's error message to the error text the command answers
   * @throws ErrorReplyException with that text when Go would fail to decode
   */
  public static Object decodeValue(String json, GoType type, UnaryOperator<String> errorText)
      throws ErrorReplyException {
    try {
      return GoDecoder.decode(json, type);
    } catch (GoJsonException e) {
      throw new ErrorReplyException(errorText.apply(e.getMessage()));
    }
  }

  /** Returns a string field. */
  public String string(String key) {
    return (String) map.getOrDefault(key, "");
  }

  /** Returns an integer field. */
  public long integer(String key) {
    return (Long) map.getOrDefault(key, 0L);
  }

  /** Returns a pointer-to-int field: null when absent or null. */
  public Long pointer(String key) {
    return (Long) map.get(key);
  }

  /** Returns a slice field, or null. */
  @SuppressWarnings("unchecked")
  public <T> List<T> list(String key) {
    return (List<T>) map.get(key);
  }

  /** Returns a map field, or null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String key) {
    return (Map<String, Object>) map.get(key);
  }

  /** Returns a nested struct, or null when absent or null. */
  public GoStruct struct(String key) {
    Object value = map.get(key);
    return value == null ? null : of(value);
  }

  /** Returns whether the document set {@code key}. */
  public boolean has(String key) {
    return map.containsKey(key);
  }
}
