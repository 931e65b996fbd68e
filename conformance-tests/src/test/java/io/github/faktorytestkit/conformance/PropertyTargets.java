package io.github.faktorytestkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers of jqwik property classes ({@link OnTarget} groups), which JUnit's {@link AcrossTargets} cannot reach:
 * one per property class, group and role, started on first use and stopped by {@link #closeAll(Class)} when the
 * class is done. A start that failed is remembered and rethrown, so an unavailable target costs one attempt.
 */
final class PropertyTargets {
  private static final Map<Key, StartedTarget> STARTED = new ConcurrentHashMap<>();

  private PropertyTargets() {}

  /** Returns the running server of {@code kind} for {@code role} in {@code group} of {@code owner}. */
  static Target get(Class<?> owner, TargetKind group, String role, TargetKind kind) {
    Key key = new Key(owner, group, role, kind);
    return STARTED.computeIfAbsent(key, k -> StartedTarget.attempt(() -> Targets.start(kind, null))).target();
  }

  /** Stops every server started for {@code owner}. */
  static void closeAll(Class<?> owner) {
    List<Key> keys = new ArrayList<>(STARTED.keySet());
    keys.stream().filter(key -> key.owner == owner).map(STARTED::remove).forEach(StartedTarget::close);
  }

  private record Key(Class<?> owner, TargetKind group, String role, TargetKind kind) {}
}
