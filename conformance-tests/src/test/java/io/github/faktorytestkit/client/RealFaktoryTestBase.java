package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.real.LocalFaktory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a test class against one real Faktory (no password, no TLS): the server starts once per class, each test
 * gets a fresh producer client on a flushed server. FLUSH keeps known queue names and paused queues, so tests use
 * queue names of their own.
 */
abstract class RealFaktoryTestBase {
  @RegisterExtension
  static final RealFaktory REAL = new RealFaktory(builder -> builder);

  FaktoryClient client;

  @BeforeEach
  void connectToAFlushedServer() {
    client = REAL.connect();
    client.flush();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** Returns the class's server. */
  static LocalFaktory faktory() {
    return REAL.server();
  }

  /** Asserts that {@code command} fails with {@code -ERR message} and leaves the client usable. */
  void assertRefused(ThrowingCallable command, String message) {
    assertThatThrownBy(command).isInstanceOfSatisfying(FaktoryCommandException.class, e -> {
      assertThat(e.code()).isEqualTo("ERR");
      assertThat(e.serverMessage()).isEqualTo(message);
    });
    assertThat(client.isUsable()).isTrue();
  }
}
