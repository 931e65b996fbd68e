package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.client.FaktoryUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real Faktory the tests were pointed at instead of the fake: the system property {@code faktory.testkit.url},
 * else the environment variable {@code FAKTORY_TESTKIT_URL} (blank values count as unset). The one reading of that
 * switch, shared by {@link FakeFaktoryExtension} and the conformance tests' URL target.
 *
 * <p>The switch is the testkit's own on purpose: the application's {@code FAKTORY_URL} names its production server,
 * and tests against a real server FLUSH it. With only {@code FAKTORY_URL} set, the tests keep using the fake.
 *
 * @param url the server's URL, possibly with a password
 * @param source where it came from, for messages
 */
public record RealServer(URI url, String source) {
  /** The system property naming a real server. */
  public static final String PROPERTY = "faktory.testkit.url";
  /** The environment variable naming a real server. */
  public static final String VARIABLE = "FAKTORY_TESTKIT_URL";

  /** Returns the real server this JVM's settings name, if any. */
  public static Optional<RealServer> fromEnvironment() {
    return select(System::getProperty, System.getenv());
  }

  /**
   * Returns the real server named by {@code properties} or {@code env}, the property winning.
   *
   * @throws IllegalArgumentException when the value is not a URI (the message names the setting, not the value)
   */
  public static Optional<RealServer> select(UnaryOperator<String> properties, Map<String, String> env) {
    String property = properties.apply(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(new RealServer(parse(property, "-D" + PROPERTY), "-D" + PROPERTY));
    }
    String variable = env.get(VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Optional.of(new RealServer(parse(variable, VARIABLE), VARIABLE));
    }
    return Optional.empty();
  }

  /** Returns the URL with any password replaced by {@code ***}, safe to print; see {@link FaktoryUrl#mask}. */
  public String maskedUrl() {
    return FaktoryUrl.mask(url.toString());
  }

  private static URI parse(String text, String source) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      // neither the value nor the cause is kept: URISyntaxException's message echoes the value, password included
      throw new IllegalArgumentException(source + ": malformed (expected: a URL such as tcp://host:7419)");
    }
  }
}
