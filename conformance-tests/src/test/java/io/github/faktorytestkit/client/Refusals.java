package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on commands the server refuses. */
final class Refusals {
  private Refusals() {}

  /** Asserts that {@code command} fails with {@code -ERR message} and leaves {@code client} usable. */
  static void assertRefused(FaktoryClient client, ThrowingCallable command, String message) {
    assertThatThrownBy(command).isInstanceOfSatisfying(FaktoryCommandException.class, e -> {
      assertThat(e.code()).isEqualTo("ERR");
      assertThat(e.serverMessage()).isEqualTo(message);
    });
    assertThat(client.isUsable()).isTrue();
  }
}
