package io.github.faktorytestkit.conformance;

import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One run of an {@link AcrossTargets} method: named after its target, with the target's resolver attached. */
final class TargetInvocation implements TestTemplateInvocationContext {
  private final TargetKind kind;

  TargetInvocation(TargetKind kind) {
    this.kind = kind;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return kind.displayName();
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(new TargetResolver(kind));
  }
}
