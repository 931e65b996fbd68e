package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.client.FaktoryClient;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Prepares one run of a test against one target: takes the class's server of that kind (starting it on first use),
 * flushes it, and resolves {@link Target} and {@link FaktoryClient} parameters. Clients it hands out are closed
 * when the test is done.
 */
final class TargetResolver implements BeforeEachCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(TargetResolver.class);

  private final TargetKind kind;

  TargetResolver(TargetKind kind) {
    this.kind = kind;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    try (FaktoryClient client = ClassTargets.get(context, kind).connect()) {
      client.flush();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Target.class || type == FaktoryClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Target target = ClassTargets.get(context, kind);
    if (parameter.getParameter().getType() == Target.class) {
      return target;
    }
    FaktoryClient client = target.connect();
    context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) client::close);
    return client;
  }
}
