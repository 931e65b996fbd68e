package io.github.faktorytestkit.fake.state;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of a struct that {@link io.github.faktorytestkit.fake.state.gocompat.GoDecoder} decoded: a field the
 * document did not set reads as Go's zero value ("" or 0), pointers, slices and maps as null.
 *
 * @param map the decoded fields by JSON key
 */
record Fields(Map<String, Object> map) {

  /** Wraps a decoded struct; null (a JSON null document) reads as an empty struct. */
  @SuppressWarnings("unchecked")
  static Fields of(Object decoded) {
    return new Fields(decoded == null ? Map.of() : (Map<String, Object>) decoded);
  }

  String string(String key) {
    return (String) map.getOrDefault(key, "");
  }

  long integer(String key) {
    return (Long) map.getOrDefault(key, 0L);
  }

  /** Returns a pointer-to-int field: null when absent or null. */
  Long pointer(String key) {
    return (Long) map.get(key);
  }

  @SuppressWarnings("unchecked")
  <T> List<T> list(String key) {
    return (List<T>) map.get(key);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(String key) {
    return (Map<String, Object>) map.get(key);
  }

  /** Returns a nested struct, or null when absent or null. */
  Fields struct(String key) {
    Object value = map.get(key);
    return value == null ? null : of(value);
  }

  boolean has(String key) {
    return map.containsKey(key);
  }
}
