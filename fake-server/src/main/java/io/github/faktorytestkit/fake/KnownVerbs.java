package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.protocol.Verb;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The check that a verb handed to the test API ({@link Fault}, {@link Interceptor#on}) is one Faktory knows, spelled
 * as the server matches it. A verb is refused rather than upper-cased: the server matches verbs case-sensitively,
 * so a lower-case {@code fetch} on the wire is an unknown command, not a FETCH, and a fault keyed to it would never
 * fire on a real client's FETCH.
 */
final class KnownVerbs {
  private static final String VALID = Arrays.stream(Verb.values()).map(Verb::name).collect(Collectors.joining(", "));

  private KnownVerbs() {}

  /**
   * Returns {@code verb} when Faktory knows it.
   *
   * @throws IllegalArgumentException naming the valid verbs (and the likely one) otherwise
   */
  static String require(String verb) {
    Objects.requireNonNull(verb, "verb");
    if (Verb.find(verb).isPresent()) {
      return verb;
    }
    String hint = Verb.find(verb.strip().toUpperCase(Locale.ROOT))
        .map(likely -> "; did you mean \"" + likely.name() + "\"?").orElse("");
    throw new IllegalArgumentException("verb: \"" + verb + "\" is not a Faktory verb (expected one of " + VALID
        + ", in upper case as the server matches them" + hint + ")");
  }
}
