package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.replay.ReplayFaktory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs each test against a replay of a recording ({@link ReplayFaktory}): a fresh replay before each test, closed
 * and verified after it, so that a client that strays from the recording, or stops short of it, fails the test with
 * the near-miss diff.
 *
 * <pre>{@code
 * @RegisterExtension
 * ReplayExtension replay = ReplayExtension.of(Path.of("recordings/faktory-1.9.4/retry.txt"));
 *
 * @Test
 * void retriesAFailedJob(URI url) {                 // or ReplayFaktory, or replay.url()
 *   new MyWorker(url).runOnce();
 * }
 * }</pre>
 *
 * <p>Resolvable parameters: {@code ReplayFaktory} and {@code URI} (its URL). Use it on an instance field; tests of
 * one class must not run concurrently.
 */
public final class ReplayExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final ReplayFaktory.Builder builder;
  private volatile ReplayFaktory replay;

  private ReplayExtension(ReplayFaktory.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /** Returns an extension replaying the transcript in {@code file} leniently, on the automatic clock. */
  public static ReplayExtension of(Path file) {
    return new ReplayExtension(ReplayFaktory.builder(file));
  }

  /** Returns an extension starting each test's replay from {@code builder} (matching, clock, port). */
  public static ReplayExtension of(ReplayFaktory.Builder builder) {
    return new ReplayExtension(builder);
  }

  /**
   * Returns the running replay.
   *
   * @throws IllegalStateException outside a test of the class that registered the extension
   */
  public ReplayFaktory replay() {
    ReplayFaktory running = replay;
    if (running == null) {
      throw new IllegalStateException("replay: not started (expected: the extension registered with "
          + "@RegisterExtension on an instance field and used from a test)");
    }
    return running;
  }

  /** Returns the running replay's URL. */
  public URI url() {
    return replay().url();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    replay = builder.start();
  }

  /** Closes the replay and fails the test with the near-miss diff of every mismatch and unplayed frame. */
  @Override
  public void afterEach(ExtensionContext context) {
    ReplayFaktory running = replay;
    replay = null;
    if (running != null) {
      running.close();
      if (context.getExecutionException().isEmpty()) {
        running.verify();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ReplayFaktory.class || type == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == URI.class ? url() : replay();
  }
}
