package io.github.faktorytestkit.junit;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.fake.FakeFaktory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link FaktoryClient} the extension injected into a test, closed when the test's context ends. On the fake, the
 * close waits (briefly) until the fake has answered the client's END: otherwise that END could reach the fake
 * after the next test's reset and show up in that test's journal.
 */
final class InjectedClient implements AutoCloseable {
  private static final Duration END_WAIT = Duration.ofSeconds(2);
  private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

  private final FaktoryClient client;
  private final FakeFaktory fake;

  /** Wraps {@code client}; {@code fake} is null when the tests run against a real server. */
  InjectedClient(FaktoryClient client, FakeFaktory fake) {
    this.client = client;
    this.fake = fake;
  }

  @Override
  public void close() {
    if (fake == null || !client.isUsable()) {
      client.close();
      return;
    }
    long endsBefore = endsAnswered();
    client.close();
    if (endsBefore < 0) {
      return;
    }
    long deadline = System.nanoTime() + END_WAIT.toNanos();
    while (endsAnswered() == endsBefore && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private long endsAnswered() {
    try {
      return fake.commands().stream().filter(command -> command.verb().equals("END")).count();
    } catch (IllegalStateException noJournal) {
      return -1; // a server without a journal: no test can see a late END
    }
  }
}
