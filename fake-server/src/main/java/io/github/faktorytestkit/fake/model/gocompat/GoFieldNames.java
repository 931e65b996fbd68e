package io.github.faktorytestkit.fake.model.gocompat;

import io.github.faktorytestkit.fake.model.gocompat.GoType.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A struct's fields, matched to JSON keys as Go does: an exact match first, else a case-insensitive one. The exact
 * match is a hash lookup: every member of every decoded object asks (a PUSH's job has six or more).
 *
 * @param list the fields in declaration order
 * @param byKey the same fields by their JSON key
 * @param keys the JSON keys of these fields and of the fields of the structs in their types, for {@link GoJson}
 */
public record GoFieldNames(List<Field> list, Map<String, Field> byKey, GoJsonKeys keys) {

  /** Creates the names; both are copied. */
  public GoFieldNames {
    list = List.copyOf(list);
    byKey = Map.copyOf(byKey);
  }

  /** Returns the names of {@code fields}, in declaration order (a struct's keys are distinct, as Go's tags are). */
  static GoFieldNames of(List<Field> fields) {
    Map<String, Field> byKey = new HashMap<>();
    fields.forEach(field -> byKey.putIfAbsent(field.key(), field));
    List<GoJsonKeys> nested = fields.stream().map(field -> field.type().keys()).toList();
    return new GoFieldNames(fields, byKey, GoJsonKeys.of(byKey.keySet(), nested));
  }

  /** Returns the field {@code key} selects, or null when the key matches no field (Go ignores the member). */
  Field find(String key) {
    Field exact = byKey.get(key);
    if (exact != null) {
      return exact;
    }
    for (int i = 0; i < list.size(); i++) { // indexed: no iterator per member
      if (foldEquals(list.get(i).key(), key)) {
        return list.get(i);
      }
    }
    return null;
  }

  /** Returns whether two keys are equal under Go's simple case folding, for the ASCII field names used here. */
  static boolean foldEquals(String fieldKey, String key) {
    if (fieldKey.length() != key.length()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (fold(fieldKey.charAt(i)) != fold(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char fold(char c) {
    if (c == '\u212A') {
      return 'k';
    }
    if (c == '\u017F') {
      return 's';
    }
    return c < 0x80 ? Character.toLowerCase(c) : c;
  }
}
