package io.github.faktorytestkit.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The servers of one test class, one per kind, started on first use and closed when the class is done (JUnit
 * closes the stored values). A start that failed or was aborted is remembered and rethrown for every later test
 * of the class, so an unavailable target costs one attempt, not one per test.
 */
final class ClassTargets {
  private static final Namespace NAMESPACE = Namespace.create(ClassTargets.class);

  private ClassTargets() {}

  /** Returns the class's running server of {@code kind}, starting it first if needed. */
  static Target get(ExtensionContext context, TargetKind kind) {
    ExtensionContext classContext = classContext(context);
    String password = password(classContext);
    StartedTarget started = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(kind,
        key -> StartedTarget.attempt(() -> Targets.start(kind, password)), StartedTarget.class);
    return started.target();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent()) {
      current = current.getParent().orElseThrow();
    }
    return current;
  }

  private static String password(ExtensionContext classContext) {
    String password = AnnotationSupport.findAnnotation(classContext.getTestClass(), TargetDefaults.class)
        .map(TargetDefaults::password).orElse("");
    return password.isEmpty() ? null : password;
  }
}
