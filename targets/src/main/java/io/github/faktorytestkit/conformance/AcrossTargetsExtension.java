package io.github.faktorytestkit.conformance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Expands an {@link AcrossTargets} method into one run per selected target kind: the method's kinds, else the
 * class's {@link TargetDefaults}, limited by {@code -Dfaktory.targets}; the url kind only when a URL is configured.
 */
final class AcrossTargetsExtension implements TestTemplateInvocationContextProvider {
  /** The defaults of {@link TargetDefaults}, read from the annotation itself so they are written once. */
  private static final TargetDefaults DEFAULTS = Defaults.class.getAnnotation(TargetDefaults.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), AcrossTargets.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Set<TargetKind> allowed = TargetKind.allowed();
    boolean urlConfigured = UrlTarget.configured().isPresent();
    return selected(context).stream()
        .filter(allowed::contains)
        .filter(kind -> kind != TargetKind.URL || urlConfigured)
        .map(TargetInvocation::new);
  }

  /** A method may end up with no run at all, e.g. {@code -Dfaktory.targets=container} on a fake-and-local test. */
  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    return true;
  }

  private static Set<TargetKind> selected(ExtensionContext context) {
    TargetKind[] onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(), AcrossTargets.class)
        .map(AcrossTargets::value).orElseThrow();
    if (onMethod.length > 0) {
      return kinds(List.of(onMethod));
    }
    TargetDefaults defaults = AnnotationSupport.findAnnotation(context.getTestClass(), TargetDefaults.class)
        .orElse(DEFAULTS);
    return kinds(List.of(defaults.kinds()));
  }

  private static Set<TargetKind> kinds(List<TargetKind> kinds) {
    return kinds.isEmpty() ? EnumSet.noneOf(TargetKind.class) : EnumSet.copyOf(kinds);
  }

  @TargetDefaults
  private static final class Defaults {}
}
