package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link FakeFaktory} for a test class: register it on a field and it starts the server, resets it before
 * each test and closes it at the end.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeFaktoryExtension faktory = FakeFaktoryExtension.create();
 *
 * @Test
 * void pushesAJob(FakeFaktory server) {          // or URI url, or faktory.url()
 *   new MyProducer(faktory.url()).send();
 *   assertThat(server.takeCommand().verb()).isEqualTo("PUSH");
 * }
 * }</pre>
 *
 * <p>On a static field one server serves the whole class (started before all tests, reset before each, closed
 * after all); on an instance field each test gets its own. Tests of one class must not run concurrently.
 *
 * <p>When the system property {@code faktory.url} or the environment variable {@code FAKTORY_URL} is set, the same
 * tests run against that real server instead: {@link #url()} returns it, nothing is started or reset, and a test
 * that needs the fake ({@link #fake()}, {@link #state()}, {@link #advance}, a {@code FakeFaktory} parameter) is
 * aborted with a message naming the real server.
 *
 * <p>Resolvable parameters: {@code FakeFaktory}, {@code URI} (the server's URL) and {@code FaktoryClient} (a client
 * connected to the server, fake or real, as a producer; closed after the test or lifecycle method).
 */
public final class FakeFaktoryExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    AfterAllCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
  private final FakeFaktory.Builder builder;
  private final Optional<RealServer> realServer;
  private volatile FakeFaktory fake;
  private volatile String ownerId;

  FakeFaktoryExtension(FakeFaktory.Builder builder, Optional<RealServer> realServer) {
    this.builder = builder;
    this.realServer = realServer;
  }

  /** Returns an extension running a fake with the default settings (or the real server the environment names). */
  public static FakeFaktoryExtension create() {
    return create(FakeFaktory.builder());
  }

  /** Returns an extension running a fake started from {@code builder} (or the real server the environment names). */
  public static FakeFaktoryExtension create(FakeFaktory.Builder builder) {
    return new FakeFaktoryExtension(builder, RealServer.fromEnvironment());
  }

  /** Returns the URL of the server the tests talk to: the fake's, or the real server's. */
  public URI url() {
    return realServer.map(RealServer::url).orElseGet(() -> fake().url());
  }

  /** Returns whether the tests run against a real server named by {@code faktory.url} or {@code FAKTORY_URL}. */
  public boolean isRealServer() {
    return realServer.isPresent();
  }

  /**
   * Returns the running fake.
   *
   * @throws org.opentest4j.TestAbortedException when the tests run against a real server (the test is aborted)
   * @throws IllegalStateException outside a test of the class that registered the extension
   */
  public FakeFaktory fake() {
    realServer.ifPresent(real -> Assumptions.abort("this test inspects or drives the fake Faktory, but the tests run "
        + "against the real server " + real.maskedUrl() + " (set by " + real.source() + ")"));
    FakeFaktory running = fake;
    if (running == null) {
      throw new IllegalStateException("fake: not started (expected: the extension registered with "
          + "@RegisterExtension and used from a test)");
    }
    return running;
  }

  /** Returns the fake's state; see {@link #fake()} for when the test is aborted instead. */
  public ServerState state() {
    return fake().state();
  }

  /** Moves the fake's clock forward; see {@link #fake()} for when the test is aborted instead. */
  public void advance(Duration duration) {
    fake().advance(duration);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (realServer.isEmpty() && fake == null) {
      fake = builder.start();
      ownerId = context.getUniqueId();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (realServer.isPresent()) {
      return;
    }
    if (fake == null) {
      fake = builder.start();
      ownerId = context.getUniqueId();
    } else {
      fake.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeIfOwnedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeIfOwnedBy(context);
  }

  private void closeIfOwnedBy(ExtensionContext context) {
    FakeFaktory running = fake;
    if (running != null && context.getUniqueId().equals(ownerId)) {
      fake = null;
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeFaktory.class || type == URI.class || type == FaktoryClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == URI.class) {
      return url();
    }
    if (type == FakeFaktory.class) {
      return fake();
    }
    FaktoryClient client = FaktoryClient.connect(url().toString());
    // the store closes what it holds when the method's context ends
    context.getStore(ExtensionContext.Namespace.create(FakeFaktoryExtension.class, parameter.getIndex()))
        .put(FaktoryClient.class, client);
    return client;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw abortBehindParameter(failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw abortBehindParameter(failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw abortBehindParameter(failure);
  }

  /**
   * Returns the abort a {@code FakeFaktory} parameter raised against a real server, which JUnit wrapped as a
   * resolution failure, so the method is reported aborted rather than failed; returns any other failure as it is.
   */
  private static Throwable abortBehindParameter(Throwable failure) {
    boolean wrappedAbort = failure instanceof ParameterResolutionException
        && failure.getCause() instanceof TestAbortedException;
    return wrappedAbort ? failure.getCause() : failure;
  }
}
