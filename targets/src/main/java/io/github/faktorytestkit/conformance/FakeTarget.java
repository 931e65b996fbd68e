package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.fake.ReceivedCommand;
import io.github.faktorytestkit.fake.RecordedCommand;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** The in-process fake ({@link FakeFaktory}) on a manual clock: time moves only when a scenario lets it pass. */
final class FakeTarget implements Target {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final FakeFaktory fake;

  private FakeTarget(FakeFaktory fake) {
    this.fake = fake;
  }

  /** Starts a fake on 127.0.0.1 with {@code password} (null for none); always available. */
  static FakeTarget start(String password) {
    return new FakeTarget(FakeFaktory.builder().password(password).start());
  }

  @Override
  public TargetKind kind() {
    return TargetKind.FAKE;
  }

  @Override
  public URI url() {
    return fake.url();
  }

  @Override
  public String password() {
    return fake.password().orElse(null);
  }

  @Override
  public Instant now() {
    return fake.now();
  }

  @Override
  public void elapse(Duration duration) {
    fake.advance(duration);
  }

  /** Runs the call on another thread, waits for its FETCH to arrive, moves the clock by the FETCH wait. */
  @Override
  public <T> T blockingFetch(Supplier<T> fetch) {
    CompletableFuture<T> call = CompletableFuture.supplyAsync(fetch, runnable -> {
      Thread thread = new Thread(runnable, "blocking-fetch");
      thread.setDaemon(true);
      thread.start();
    });
    awaitUnansweredFetch();
    fake.advance(FETCH_WAIT);
    return result(call);
  }

  /** Skips the FETCHes that arrived earlier and were answered already; returns once a waiting one arrived. */
  private void awaitUnansweredFetch() {
    ReceivedCommand arrived = fake.awaitReceived("FETCH");
    while (answered(arrived)) {
      arrived = fake.awaitReceived("FETCH");
    }
  }

  private boolean answered(ReceivedCommand command) {
    return fake.commands().stream().map(RecordedCommand::received).anyMatch(command::equals);
  }

  private static <T> T result(CompletableFuture<T> call) {
    try {
      return call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("the blocking FETCH failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the blocking FETCH did not return within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the blocking FETCH", e);
    }
  }

  @Override
  public void quiet(String wid) {
    fake.state().quiet(wid);
  }

  @Override
  public void terminate(String wid) {
    fake.state().terminate(wid);
  }

  @Override
  public Optional<FakeFaktory> fake() {
    return Optional.of(fake);
  }

  @Override
  public void close() {
    fake.close();
  }

  @Override
  public String toString() {
    return "fake " + fake;
  }
}
