package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.RealTargets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs a test class against one real Faktory (no password, no TLS): the server starts once per class, each test
 * gets a fresh producer client on a flushed server. FLUSH keeps known queue names and paused queues, so tests use
 * queue names of their own.
 */
abstract class RealFaktoryTestBase {
  static LocalFaktory faktory;
  FaktoryClient client;

  @BeforeAll
  static void startFaktory() {
    RealTargets.requireLocalFaktory();
    faktory = LocalFaktory.start();
  }

  @AfterAll
  static void stopFaktory() {
    if (faktory != null) {
      faktory.close();
      faktory = null;
    }
  }

  @BeforeEach
  void connectToAFlushedServer() {
    client = connect();
    client.flush();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** Returns a new producer client for the class's server. */
  static FaktoryClient connect() {
    return FaktoryClient.connect(faktory.url().toString());
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
