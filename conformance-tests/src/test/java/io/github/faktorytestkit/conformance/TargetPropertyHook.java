package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.conformance.report.Findings;
import io.github.faktorytestkit.conformance.report.Progress;
import io.github.faktorytestkit.junit.RealServer;
import io.github.faktorytestkit.real.RealTargets;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The lifecycle of {@link OnTarget} groups: a group whose kind is not selected ({@code -Dfaktory.targets}), that
 * {@link Requires} what the Faktory release lacks, whose url is not configured or whose server cannot run here is
 * skipped with the reason (a required target that cannot run
 * fails instead, in its properties); {@link TriesFrom} overrides a property's tries; each property's tries and
 * checks are printed and handed to the report.
 */
final class TargetPropertyHook implements SkipExecutionHook, AroundPropertyHook {

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    if (!(context instanceof ContainerLifecycleContext)) {
      return SkipResult.doNotSkip();
    }
    Optional<Class<?>> group = context.optionalContainerClass().filter(OnTarget.class::isAssignableFrom);
    return group.map(TargetPropertyHook::unavailable).orElse(SkipResult.doNotSkip());
  }

  private static SkipResult unavailable(Class<?> group) {
    TargetKind kind = OnTarget.kindOf(group);
    if (!TargetKind.allowed().contains(kind)) {
      return SkipResult.skip(kind.displayName() + ": not selected by -D" + TargetKind.ONLY_PROPERTY);
    }
    String version = RealTargets.version();
    Optional<FaktoryFeature> missing = AnnotationSupport.findAnnotation(group, Requires.class).stream()
        .flatMap(requires -> Arrays.stream(requires.value())).filter(feature -> !feature.in(version)).findFirst();
    if (missing.isPresent()) {
      return SkipResult.skip(missing.get().notIn(version));
    }
    if (kind == TargetKind.URL && UrlTarget.configured().isEmpty()) {
      return SkipResult.skip("url target: no -D" + RealServer.PROPERTY + " or " + RealServer.VARIABLE);
    }
    try {
      OnTarget.target(group);
      return SkipResult.doNotSkip();
    } catch (TestAbortedException unavailable) {
      return SkipResult.skip(unavailable.getMessage());
    } catch (AssertionError required) {
      return SkipResult.doNotSkip();
    }
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    context.findAnnotation(TriesFrom.class).map(from -> Integer.getInteger(from.value()))
        .ifPresent(tries -> context.attributes().setTries(tries));
    PropertyExecutionResult result = property.execute();
    String target = OnTarget.kindOf(context.containerClass()).displayName();
    String scenario = context.containerClass().getEnclosingClass().getSimpleName() + "."
        + context.targetMethod().getName();
    Progress.line(String.format("[conformance]      property   | %s on %s: %d tries, %d checks, %s", scenario,
        target, result.countTries(), result.countChecks(), result.status()));
    Findings.propertyRun(scenario, target, result.countTries(), result.countChecks());
    return result;
  }
}
