package io.github.faktorytestkit.fake.model.gocompat;

import io.github.faktorytestkit.fake.model.gocompat.GoType.Field;
import java.util.List;

/** Matches JSON keys to struct fields as Go does: an exact match first, else a case-insensitive one. */
final class GoFieldNames {
  private GoFieldNames() {}

  /** Returns the field {@code key} selects, or null when the key matches no field (Go ignores the member). */
  static Field find(List<Field> fields, String key) {
    for (int i = 0; i < fields.size(); i++) { // indexed: called per JSON member, so no iterator per call
      if (fields.get(i).key().equals(key)) {
        return fields.get(i);
      }
    }
    for (int i = 0; i < fields.size(); i++) {
      if (foldEquals(fields.get(i).key(), key)) {
        return fields.get(i);
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
