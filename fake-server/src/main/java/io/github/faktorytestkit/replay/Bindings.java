package io.github.faktorytestkit.replay;

import java.util.HashMap;
import java.util.Map;

/**
 * The values a replay bound to placeholders ({@code name:index}), on first sight: a client's value where the client
 * sent it first, the recorded value where the server sent it first. Values inside JSON strings are kept unescaped.
 * A layer ({@link #layer()}) holds a tentative connection's own bindings over the replay's until it is committed.
 * Not thread-safe: the replay guards it.
 */
final class Bindings {
  private final Bindings parent;
  private final Map<String, String> values = new HashMap<>();

  Bindings() {
    this(null);
  }

  private Bindings(Bindings parent) {
    this.parent = parent;
  }

  /** Returns the value bound to {@code key} here or below, or null. */
  String get(String key) {
    String value = values.get(key);
    return value != null || parent == null ? value : parent.get(key);
  }

  /** Binds {@code key} to {@code value} unless it is bound already. */
  void bind(String key, String value) {
    if (get(key) == null) {
      values.put(key, value);
    }
  }

  /** Binds every entry of {@code proposed} (from an accepted match). */
  void bindAll(Map<String, String> proposed) {
    proposed.forEach(this::bind);
  }

  /** Returns a new layer over these bindings: reads fall through, binds stay in the layer until committed. */
  Bindings layer() {
    return new Bindings(this);
  }

  /** Moves this layer's bindings into its parent. */
  void commit() {
    if (parent != null) {
      parent.bindAll(values);
      values.clear();
    }
  }
}
