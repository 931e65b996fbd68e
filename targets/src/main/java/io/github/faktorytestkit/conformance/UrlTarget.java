package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.client.FaktoryUrl;
import io.github.faktorytestkit.junit.RealServer;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real Faktory the run was pointed at: {@code -Dfaktory.testkit.url}, else the environment variable
 * {@code FAKTORY_TESTKIT_URL}, read by {@link RealServer} as for the JUnit extension.
 * Its Web UI is {@code -Dfaktory.web.url}, else {@code http://<host>:<port + 1>} (Faktory's 7419/7420 pairing).
 * The scenarios FLUSH it before every test: never point them at a server whose jobs matter.
 */
final class UrlTarget extends RealTarget {
  /** The system property naming the server's Web UI. */
  static final String WEB_PROPERTY = "faktory.web.url";

  private final URI url;
  private final FaktoryUrl parsed;
  private final URI webUrl;

  private UrlTarget(URI url, FaktoryUrl parsed, URI webUrl) {
    this.url = url;
    this.parsed = parsed;
    this.webUrl = webUrl;
  }

  /** Returns the target this JVM's settings name, if any. */
  static Optional<UrlTarget> configured() {
    return configured(System::getProperty, System.getenv());
  }

  /** Returns the target {@code properties} or {@code env} name, the property winning. */
  static Optional<UrlTarget> configured(UnaryOperator<String> properties, Map<String, String> env) {
    return RealServer.select(properties, env).map(real -> {
      FaktoryUrl url = FaktoryUrl.parse(real.url().toString());
      String web = properties.apply(WEB_PROPERTY);
      URI webUrl = web == null || web.isBlank()
          ? URI.create("http://" + url.host() + ":" + (url.port() + 1)) : URI.create(web.strip());
      return new UrlTarget(real.url(), url, webUrl);
    });
  }

  @Override
  public TargetKind kind() {
    return TargetKind.URL;
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public String password() {
    return parsed.password();
  }

  @Override
  URI webUrl() {
    return webUrl;
  }

  /** Does nothing: the server is not this target's to stop. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "faktory at " + parsed.host() + ":" + parsed.port();
  }
}
