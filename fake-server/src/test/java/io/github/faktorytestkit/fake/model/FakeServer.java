package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.fake.session.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.time.Instant;

/** A model on a manual clock at a fixed instant with a fixed seed, plus clients talking to it: the test fixture. */
final class FakeServer {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final long SEED = 7;

  final ManualClock clock = new ManualClock(START);
  final FaktoryModel model;
  private int connections;

  FakeServer() {
    this(ModelSettings.builder().seed(SEED).build());
  }

  FakeServer(ModelSettings settings) {
    this.model = new FaktoryModel(settings, clock);
  }

  /** Returns a client that has completed a HELLO without wid. */
  TestClient producer() {
    return client("HELLO {\"v\":2}");
  }

  /** Returns a client registered as worker {@code wid}. */
  TestClient worker(String wid) {
    return client("HELLO {\"v\":2,\"wid\":\"" + wid + "\",\"hostname\":\"box\",\"pid\":42,\"labels\":[\"a\"]}");
  }

  /** Returns a client that sent {@code hello} as its first line; the reply is in {@link TestClient#helloReply}. */
  TestClient client(String hello) {
    TestClient client = connect();
    client.helloOutcome = client.send(hello);
    return client;
  }

  /** Returns a connected client that has not sent anything yet. */
  TestClient connect() {
    TestConnection connection = new TestConnection(connections++);
    return new TestClient(connection, model.openSession(connection));
  }

  /** Sends {@code line} (a FETCH that must wait), lets its 2 s pass on the clock and returns its outcome. */
  Outcome afterFetchTimeout(TestClient client, String line) {
    CompletableFuture<Outcome> fetch = client.sendAsync(line);
    assertThat(fetch).as(line).isNotDone();
    advanceSeconds(2);
    assertThat(fetch).as(line).isDone();
    return fetch.join();
  }

  ServerState state() {
    return model.state();
  }

  void advance(Duration duration) {
    clock.advance(duration);
  }

  void advanceSeconds(long seconds) {
    clock.advance(Duration.ofSeconds(seconds));
  }
}
