package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.recorder.RecordingProxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Records each test's Faktory traffic through a {@link RecordingProxy} in front of a real server: the test talks to
 * {@link #url()} (or takes a {@code URI} or {@code RecordingProxy} parameter), and after it the transcript is
 * written to {@code <folder>/<test class>/<test method>.txt}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static RecordingExtension recording = RecordingExtension.upstream("tcp://localhost:7419")
 *     .into(Path.of("src/test/resources/recordings"));
 *
 * @Test
 * void pushesAJob() {
 *   new MyProducer(recording.url()).send();     // recorded to .../MyTest/pushesAJob.txt
 * }
 * }</pre>
 *
 * <p>Tests of one class must not run concurrently.
 */
public final class RecordingExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final String upstream;
  private Path folder = Path.of("target", "recordings");
  private String server;
  private volatile RecordingProxy proxy;

  private RecordingExtension(String upstream) {
    this.upstream = Objects.requireNonNull(upstream, "upstream");
  }

  /** Returns an extension recording through a proxy to the Faktory at {@code url} ({@code tcp://} or {@code tcp+tls://}). */
  public static RecordingExtension upstream(String url) {
    return new RecordingExtension(url);
  }

  /** Sets the folder the transcripts go to; default {@code target/recordings}. */
  public RecordingExtension into(Path transcripts) {
    this.folder = Objects.requireNonNull(transcripts, "transcripts");
    return this;
  }

  /** Sets the header's {@code server} field of every transcript, e.g. {@code Faktory 1.9.4}. */
  public RecordingExtension server(String name) {
    this.server = name;
    return this;
  }

  /** Returns the URL the running test connects to: its recording proxy. */
  public URI url() {
    return proxy().url();
  }

  /** Returns the running test's recording proxy. */
  public RecordingProxy proxy() {
    RecordingProxy running = proxy;
    if (running == null) {
      throw new IllegalStateException("recording proxy: not running (expected: inside a test)");
    }
    return running;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String testClass = context.getRequiredTestClass().getSimpleName();
    String method = context.getRequiredTestMethod().getName();
    proxy = RecordingProxy.builder().upstream(upstream).server(server)
        .scenario(testClass + ": " + context.getDisplayName())
        .producer("faktory-testkit RecordingExtension")
        .output(folder.resolve(testClass).resolve(method + ".txt"))
        .start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    RecordingProxy running = proxy;
    proxy = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == URI.class || type == RecordingProxy.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == URI.class ? url() : proxy();
  }
}
