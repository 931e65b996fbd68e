package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.fake.transport.FaktoryTransport;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Faktory that serves a recording ({@code recordings/README.md}): it plays the server side of the transcript
 * to the clients that connect, checks that they send what the recorded clients sent, and answers with the recorded
 * replies. A sibling of {@code FakeFaktory} with the same URL and close shape.
 *
 * <pre>{@code
 * try (ReplayFaktory replay = ReplayFaktory.start(Path.of("recordings/faktory-1.9.4/retry.txt"))) {
 *   runTheCodeUnderTest(replay.url());            // tcp://127.0.0.1:PORT
 *   replay.close();
 *   replay.verify();                              // throws with the near-miss diff of what went wrong
 * }
 * }</pre>
 *
 * <p><b>Matching.</b> {@link Matching#LENIENT} (the default) compares JSON as values and binds placeholders on first
 * sight ({@link Matching}); each client connection takes the recorded connection its frames match, so clients may
 * connect in another order than recorded. Within a connection the recorded order is strict; across connections a
 * reply waits only for the client frames the recording shows it depends on (a FETCH reply waits for the PUSH of the
 * job it carries), so a multi-threaded client replays although its threads interleave differently.
 *
 * <p><b>Mismatches.</b> A line that matches nothing gets {@code -ERR replay mismatch: ...} and is kept as a
 * {@link Mismatch} with its near-miss diff; {@link #unplayed()} lists the recorded frames no client got to.
 *
 * <p><b>Time.</b> The replay's clock ({@link #now()}) starts at the recording's {@code recorded} instant. By
 * default it moves by itself: every event plays as soon as what it waits for has played, and the clock jumps to
 * the event's recorded offset, so a recorded 2 s FETCH wait or a 15 s reservation expiry replays in no real time.
 * With {@link Builder#manualClock()} a timed event (recorded 1 s or more after the event before it on its
 * connection: a FETCH wait, a deadline, the reaper's close) waits until the test moves the clock past its recorded
 * delay ({@link #advance}). A close the server made on its own is played as a close; the transport cannot send a
 * frame nobody asked for, which no Faktory release does.
 *
 * <p>Thread-safe.
 */
public final class ReplayFaktory implements AutoCloseable {
  private final ReplayScript script;
  private final ManualClock clock;
  private final ReplayEngine engine;
  private final ExecutorService async;
  private final FaktoryTransport transport;
  private final Duration drainTimeout;

  private ReplayFaktory(Builder builder) {
    this.script = ReplayScript.of(builder.transcript);
    this.clock = new ManualClock(builder.transcript.header().recorded().orElseGet(Instant::now));
    this.async = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "faktory-replay-clock");
      thread.setDaemon(true);
      return thread;
    });
    this.engine = new ReplayEngine(script, builder.matching, builder.manualClock, clock, async);
    this.drainTimeout = builder.drainTimeout;
    try {
      this.transport = FaktoryTransport.start(new InetSocketAddress(builder.host, builder.port),
          FaktoryTransport.DEFAULT_MAX_LINE_LENGTH, null, engine::open);
    } catch (RuntimeException e) {
      async.shutdownNow();
      throw e;
    }
  }

  /** Starts a lenient replay of the transcript in {@code file} on a free loopback port. */
  public static ReplayFaktory start(Path file) {
    return builder(file).start();
  }

  /** Returns a builder for a replay of the transcript in {@code file}. */
  public static Builder builder(Path file) {
    return new Builder(TranscriptReader.read(file));
  }

  /** Returns a builder for a replay of {@code transcript}. */
  public static Builder builder(Transcript transcript) {
    return new Builder(transcript);
  }

  /** Returns the URL clients connect to: {@code tcp://127.0.0.1:PORT}. */
  public URI url() {
    InetSocketAddress address = transport.localAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
    return URI.create("tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort());
  }

  /** Returns the port the replay listens on. */
  public int port() {
    return transport.localAddress().getPort();
  }

  /** Returns the replay's time: the recording's start plus how far it has played (or been moved). */
  public Instant now() {
    return clock.now();
  }

  /** Moves the clock forward by {@code duration}, playing the timed events that fall due (manual clock). */
  public void advance(Duration duration) {
    clock.advance(duration);
  }

  /** Moves the clock to {@code instant}, playing the timed events that fall due on the way. */
  public void advanceTo(Instant instant) {
    clock.set(instant);
  }

  /** Returns the mismatches so far, in order; each prints as its near-miss diff. */
  public List<Mismatch> mismatches() {
    return engine.mismatches();
  }

  /** Returns the recorded frames no client played (yet), as {@code c2 frame 5: > ACK {...}\r\n}. */
  public List<String> unplayed() {
    return engine.unplayed();
  }

  /**
   * Throws an {@link AssertionError} listing every mismatch (as near-miss diffs) and every unplayed frame, if any.
   * Call it after the client is done, best after {@link #close()}, so that its last lines have arrived.
   */
  public void verify() {
    List<String> problems = new ArrayList<>();
    mismatches().forEach(mismatch -> problems.add(mismatch.toString()));
    List<String> unplayed = unplayed();
    if (!unplayed.isEmpty()) {
      problems.add(unplayed.size() + " recorded frame(s) not played:\n  " + String.join("\n  ", unplayed));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("replay of " + script.transcript().header().scenario().orElse("a recording")
          + " failed:\n" + String.join("\n", problems));
    }
  }

  /**
   * Waits up to the drain timeout for clients to close their connections, then stops listening and closes the
   * rest; blocks until done. Idempotent. {@link #mismatches()}, {@link #unplayed()} and {@link #verify()} work after.
   */
  @Override
  public void close() {
    engine.awaitClientsGone(drainTimeout);
    transport.close();
    async.shutdown();
  }

  @Override
  public String toString() {
    return "ReplayFaktory[" + url() + ", " + script.transcript().header().scenario().orElse("recording") + "]";
  }

  /** Settings of a replay. Not thread-safe; each {@link #start()} starts a new replay. */
  public static final class Builder {
    private final Transcript transcript;
    private String host = "127.0.0.1";
    private int port;
    private Matching matching = Matching.LENIENT;
    private boolean manualClock;
    private Duration drainTimeout = Duration.ofSeconds(1);

    private Builder(Transcript transcript) {
      this.transcript = Objects.requireNonNull(transcript, "transcript");
    }

    /** Sets the address to listen on; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the port; default 0, a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
      }
      this.port = port;
      return this;
    }

    /** Sets how client lines are compared with the recorded ones; default {@link Matching#LENIENT}. */
    public Builder matching(Matching matching) {
      this.matching = Objects.requireNonNull(matching, "matching");
      return this;
    }

    /** Makes timed events wait for the test to move the clock ({@link ReplayFaktory#advance}). */
    public Builder manualClock() {
      this.manualClock = true;
      return this;
    }

    /** Sets how long {@link ReplayFaktory#close()} waits for clients to close; default 1 s. */
    public Builder drainTimeout(Duration timeout) {
      this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Starts listening. */
    public ReplayFaktory start() {
      return new ReplayFaktory(this);
    }
  }
}
