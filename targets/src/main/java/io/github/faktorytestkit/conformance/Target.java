package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.client.FaktoryClientBuilder;
import io.github.faktorytestkit.fake.FakeFaktory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One running Faktory server a conformance scenario talks to: the fake or a real one. Scenarios are written once
 * against this interface and run against every target with the same assertions; the few things that must differ
 * (how time passes, how a worker is told to go quiet) are methods here.
 *
 * <p>Implementations are thread-safe. {@link #close()} stops a server the target started (a target of an external
 * URL is left running).
 */
public interface Target extends AutoCloseable {
  /** How long the server holds a FETCH that finds no job, as real Faktory 1.9.4 does. */
  Duration FETCH_WAIT = Duration.ofSeconds(2);

  /** Returns what kind of server this is. */
  TargetKind kind();

  /** Returns the kind's display name: {@code fake}, {@code local}, {@code container} or {@code url}. */
  default String name() {
    return kind().displayName();
  }

  /** Returns the protocol URL, {@code tcp://[:password@]127.0.0.1:PORT}. */
  URI url();

  /** Returns the password the server requires, or null when it has none. */
  String password();

  /** Returns a builder for a client of this server, its URL (and so the password) already set. */
  default FaktoryClientBuilder clientBuilder() {
    return FaktoryClient.builder().url(url());
  }

  /**
   * Returns a new producer client connected to this server; the caller closes it. Blocks for the handshake.
   *
   * @throws io.github.faktorytestkit.client.FaktoryException when the connection or the handshake fails
   */
  default FaktoryClient connect() {
    return clientBuilder().connect();
  }

  /** Returns the server's current time: the fake's clock, or the wall clock for a real server. */
  Instant now();

  /**
   * Lets {@code duration} pass on the server: the fake's clock moves (running what falls due, without sleeping);
   * for a real server the calling thread sleeps that long, so pick durations that cover the real server's timer
   * periods (e.g. scheduled jobs move up to 5 s late).
   */
  void elapse(Duration duration);

  /**
   * Runs {@code fetch}, a call that sends one FETCH the server holds for its full wait of {@link #FETCH_WAIT} (no
   * job in the queues, every queue paused, or a quiet worker), and returns its result. A real server answers after
   * 2 s of real time. For the fake the call runs on another thread; once the fake has received the FETCH, its clock
   * moves by {@link #FETCH_WAIT}. Blocks until the call returns; rethrows what the call threw.
   */
  <T> T blockingFetch(Supplier<T> fetch);

  /** Tells the worker {@code wid} to go quiet, as the Web UI's {@code POST /busy} does; its next BEAT says so. */
  void quiet(String wid);

  /** Tells the worker {@code wid} to terminate, as the Web UI's {@code POST /busy} does. */
  void terminate(String wid);

  /** Returns the fake server when this target is the fake, for assertions on its state and journal. */
  default Optional<FakeFaktory> fake() {
    return Optional.empty();
  }

  /** Stops the server if this target started it; blocks until it is down. Idempotent. */
  @Override
  void close();
}
