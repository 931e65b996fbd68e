package io.github.faktorytestkit.junit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real Faktory the tests were pointed at instead of the fake: the system property {@code faktory.url}, else the
 * environment variable {@code FAKTORY_URL} (blank values count as unset).
 *
 * @param url the server's URL, possibly with a password
 * @param source where it came from, for messages
 */
record RealServer(URI url, String source) {
  /** The system property naming a real server. */
  static final String PROPERTY = "faktory.url";
  /** The environment variable naming a real server. */
  static final String VARIABLE = "FAKTORY_URL";

  /** Returns the real server this JVM's settings name, if any. */
  static Optional<RealServer> fromEnvironment() {
    return select(System::getProperty, System.getenv());
  }

  /** Returns the real server named by {@code properties} or {@code env}, the property winning. */
  static Optional<RealServer> select(UnaryOperator<String> properties, Map<String, String> env) {
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

  /** Returns the URL with any password replaced by {@code ***}, safe to print. */
  String maskedUrl() {
    if (url.getUserInfo() == null) {
      return url.toString();
    }
    return url.toString().replace(url.getRawUserInfo() + "@", maskedUserInfo() + "@");
  }

  private String maskedUserInfo() {
    String userInfo = url.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    return colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
  }

  private static URI parse(String text, String source) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      // the value is left out: it may hold a password
      throw new IllegalArgumentException(source + ": malformed (expected: a URL such as tcp://host:7419)", e);
    }
  }
}
