package io.github.faktorytestkit.conformance;

import java.util.List;
import net.jqwik.api.Label;
import org.opentest4j.TestAbortedException;

/**
 * A jqwik group of properties run against one target, named by the group's {@link Label} ({@code fake},
 * {@code local}, {@code container}, {@code url}), nested in the property class that owns its servers
 * ({@link PropertyTargets}). Comparisons pair the target with a counterpart of the other side: a fake of its own
 * for a real target; for the fake, the first real target available. Each side gets exactly the same input, so the
 * two servers' histories stay equal.
 */
abstract class OnTarget {
  private static final List<TargetKind> REAL = List.of(TargetKind.LOCAL, TargetKind.CONTAINER, TargetKind.URL);

  /** Returns the group's kind, from its label. */
  TargetKind kind() {
    return kindOf(getClass());
  }

  /** Returns the kind a group class runs against, from its label. */
  static TargetKind kindOf(Class<?> group) {
    Label label = group.getAnnotation(Label.class);
    if (label == null) {
      throw new IllegalStateException(group + ": no @Label (expected: fake, local, container or url)");
    }
    return TargetKind.byName(label.value());
  }

  /** Returns the group's server. */
  Target target() {
    return target(getClass());
  }

  /** Returns the server of {@code group}, starting it on first use. */
  static Target target(Class<?> group) {
    TargetKind kind = kindOf(group);
    return PropertyTargets.get(group.getEnclosingClass(), kind, "target", kind);
  }

  /** Returns the server compared with {@link #target()}: a fake for a real target, a real one for the fake. */
  Target counterpart() {
    Class<?> owner = getClass().getEnclosingClass();
    if (kind() != TargetKind.FAKE) {
      return PropertyTargets.get(owner, kind(), "counterpart", TargetKind.FAKE);
    }
    for (TargetKind real : REAL) {
      if (TargetKind.allowed().contains(real) && (real != TargetKind.URL || UrlTarget.configured().isPresent())) {
        try {
          return PropertyTargets.get(owner, kind(), "counterpart", real);
        } catch (TestAbortedException unavailable) {
          // try the next kind
        }
      }
    }
    return PropertyTargets.get(owner, kind(), "counterpart", TargetKind.FAKE);
  }
}
