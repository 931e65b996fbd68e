package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

/** Reading the RFC 3339 timestamps a server writes into jobs ({@code failed_at}, {@code next_at}, ...). */
final class ServerTimes {
  private ServerTimes() {}

  /**
   * Returns the instant {@code timestamp} names, asserting that it is set.
   *
   * @param field the field's name, for the failure message
   */
  static Instant parse(String field, String timestamp) {
    assertThat(timestamp).as(field).isNotBlank();
    return Instant.parse(timestamp);
  }

  /**
   * Returns the whole seconds from {@code from} to {@code to}: a backoff of N seconds computed a few microseconds
   * after the failure was stamped reads as N.
   */
  static long wholeSecondsBetween(Instant from, Instant to) {
    return Duration.between(from, to).getSeconds();
  }
}
