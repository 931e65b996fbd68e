package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ServerState;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
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
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link FakeFaktory} for a test class: it starts the server, resets it before each test and closes it at
 * the end. Register it on a field, or declare it on the class with {@link FakeFaktoryTest @FakeFaktoryTest} (or
 * {@code @ExtendWith(FakeFaktoryExtension.class)}) and take the server as a parameter:
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
 * <p>On a static field (or the class) one server serves the whole class (started before all tests, reset before
 * each, closed after all); on an instance field each test gets its own. A reset also puts the clock back: see
 * {@link FakeFaktory#reset()}. Tests of one class must not run concurrently.
 *
 * <p>When the system property {@code faktory.testkit.url} or the environment variable {@code FAKTORY_TESTKIT_URL}
 * is set (see {@link RealServer}; the application's {@code FAKTORY_URL} is not read), the same tests run against
 * that real server instead: the run prints which server it uses, {@link #url()} returns it, nothing is started, the
 * server is FLUSHed before each test and after the last one, and a test that needs the fake ({@link #fake()},
 * {@link #state()}, {@link #advance}, a {@code FakeFaktory} parameter) is skipped with its reason on the console.
 *
 * <p>Resolvable parameters: {@code FakeFaktory}, {@code URI} (the server's URL) and {@code FaktoryClient} (a client
 * connected to the server, fake or real, as a producer; closed after the test or lifecycle method).
 */
public final class FakeFaktoryExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    AfterAllCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler,
    TestWatcher {
  private final FakeFaktory.Builder builder;
  private final Optional<RealServerRun> realServer;
  private volatile FakeFaktory fake;
  private volatile String ownerId;

  /**
   * Creates an extension for {@code @ExtendWith(FakeFaktoryExtension.class)}: a fake with the default settings, or
   * those of the class's {@link FakeFaktoryTest} (or the real server the environment names).
   */
  public FakeFaktoryExtension() {
    this(null, RealServer.fromEnvironment());
  }

  FakeFaktoryExtension(FakeFaktory.Builder builder, Optional<RealServer> realServer) {
    this(builder, realServer, System.out);
  }

  /** Creates the extension; {@code console} is where a run against a real server reports. */
  FakeFaktoryExtension(FakeFaktory.Builder builder, Optional<RealServer> realServer, PrintStream console) {
    this.builder = builder;
    this.realServer = realServer.map(server -> new RealServerRun(server, console));
  }

  /** Returns an extension running a fake with the default settings (or the real server the environment names). */
  public static FakeFaktoryExtension create() {
    return create(FakeFaktory.builder());
  }

  /** Returns an extension running a fake started from {@code builder} (or the real server the environment names). */
  public static FakeFaktoryExtension create(FakeFaktory.Builder builder) {
    return new FakeFaktoryExtension(Objects.requireNonNull(builder, "builder"), RealServer.fromEnvironment());
  }

  /** Returns the URL of the server the tests talk to: the fake's, or the real server's. */
  public URI url() {
    return realServer.map(RealServerRun::url).orElseGet(() -> fake().url());
  }

  /**
   * Returns whether the tests run against a real server named by {@code faktory.testkit.url} or
   * {@code FAKTORY_TESTKIT_URL}.
   */
  public boolean isRealServer() {
    return realServer.isPresent();
  }

  /**
   * Returns the running fake.
   *
   * @throws org.opentest4j.TestAbortedException when the tests run against a real server (the test is skipped)
   * @throws IllegalStateException outside a test of the class that registered the extension
   */
  public FakeFaktory fake() {
    realServer.ifPresent(real -> Assumptions.abort(real.needsTheFake()));
    FakeFaktory running = fake;
    if (running == null) {
      throw new IllegalStateException("fake: not started (expected: a call from a test or a @BeforeEach/@AfterEach "
          + "method; an extension on an instance field starts its fake only then, so to use it in a constructor, a "
          + "field initializer or @BeforeAll, register it on a static field)");
    }
    return running;
  }

  /** Returns the fake's state; see {@link #fake()} for when the test is skipped instead. */
  public ServerState state() {
    return fake().state();
  }

  /**
   * Returns the server's current time: the fake's clock (see {@link FakeFaktory#now()}), or the system's when the
   * tests run against a real server, so that schedules built from it work on both.
   */
  public Instant now() {
    return realServer.isPresent() ? Instant.now() : fake().now();
  }

  /** Moves the fake's clock forward; see {@link #fake()} for when the test is skipped instead. */
  public void advance(Duration duration) {
    fake().advance(duration);
  }

  /**
   * Moves the fake's clock to {@code instant} (see {@link FakeFaktory#advanceTo}); see {@link #fake()} for when the
   * test is skipped instead.
   */
  public void advanceTo(Instant instant) {
    fake().advanceTo(instant);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (realServer.isPresent()) {
      realServer.get().announce(context);
    } else if (fake == null) {
      start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (realServer.isPresent()) {
      realServer.get().announce(context);
      realServer.get().flush();
    } else if (fake == null) {
      start(context);
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
    realServer.ifPresent(RealServerRun::flush);
    closeIfOwnedBy(context);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    realServer.ifPresent(real -> real.reportSkipped(context, cause));
  }

  private void start(ExtensionContext context) {
    fake = (builder != null ? builder : builderFor(context.getRequiredTestClass())).start();
    ownerId = context.getUniqueId();
  }

  /** Returns the builder the class's {@link FakeFaktoryTest} asks for, the defaults without one. */
  private static FakeFaktory.Builder builderFor(Class<?> testClass) {
    FakeFaktory.Builder defaults = FakeFaktory.builder();
    return AnnotationSupport.findAnnotation(testClass, FakeFaktoryTest.class)
        .filter(settings -> !settings.password().isEmpty())
        .map(settings -> defaults.password(settings.password()))
        .orElse(defaults);
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
        .put(FaktoryClient.class, new InjectedClient(client, realServer.isPresent() ? null : fake));
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
