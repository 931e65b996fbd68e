package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.real.RealTargets;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Prepares one run of a test against one target: skips it as "not in this version" when it {@link Requires} a
 * feature the real target's release lacks, takes the class's server of that kind (starting it on first use),
 * flushes it, and resolves {@link Target} and {@link FaktoryClient} parameters. The connection that flushed is the
 * first client handed out, so that no END of a connection closed just before the test reaches the server during
 * it (Faktory counts END in {@code command_count}). Clients are closed when the test is done.
 */
final class TargetResolver implements ExecutionCondition, BeforeEachCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(TargetResolver.class);

  private final TargetKind kind;

  TargetResolver(TargetKind kind) {
    this.kind = kind;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String version = RealTargets.version();
    if (kind == TargetKind.FAKE) {
      return ConditionEvaluationResult.enabled("the fake is 1.9.4's twin");
    }
    return Stream.concat(required(context.getTestClass()), required(context.getTestMethod()))
        .filter(feature -> !feature.in(version)).findFirst()
        .map(feature -> ConditionEvaluationResult.disabled(feature.notIn(version)))
        .orElse(ConditionEvaluationResult.enabled("Faktory " + version + " has every feature needed"));
  }

  private static Stream<FaktoryFeature> required(Optional<? extends AnnotatedElement> element) {
    return AnnotationSupport.findAnnotation(element, Requires.class).stream().flatMap(r -> Stream.of(r.value()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FaktoryClient client = connect(context);
    client.flush();
    context.getStore(NAMESPACE).put(Flushed.class, new Flushed(client));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Target.class || type == FaktoryClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == Target.class) {
      return ClassTargets.get(context, kind);
    }
    Flushed flushed = context.getStore(NAMESPACE).remove(Flushed.class, Flushed.class);
    return flushed != null ? flushed.client() : connect(context);
  }

  /** Connects to the class's server of this kind; the client is closed when the test is done. */
  private FaktoryClient connect(ExtensionContext context) {
    FaktoryClient client = ClassTargets.get(context, kind).connect();
    context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) client::close);
    return client;
  }

  /** The connection that flushed, until a parameter takes it; {@link #connect} registered its close. */
  private record Flushed(FaktoryClient client) {}
}
