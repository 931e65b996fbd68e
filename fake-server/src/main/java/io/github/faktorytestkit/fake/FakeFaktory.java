package io.github.faktorytestkit.fake;

import io.github.faktorytestkit.fake.clock.FaktoryClock;
import io.github.faktorytestkit.fake.clock.IdleClock;
import io.github.faktorytestkit.fake.clock.ManualClock;
import io.github.faktorytestkit.fake.clock.SystemClock;
import io.github.faktorytestkit.fake.model.FaktoryModel;
import io.github.faktorytestkit.fake.model.ModelSettings;
import io.github.faktorytestkit.fake.transport.FaktoryTransport;
import io.github.faktorytestkit.fake.transport.TlsCredentials;
import io.github.faktorytestkit.worker.WorkerClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An in-process fake Faktory 1.9.4 server listening on a loopback TCP port, with a test API: a clock the test
 * moves, direct access to the server's state, a journal of the commands it received, an interceptor and faults.
 *
 * <pre>{@code
 * try (FakeFaktory faktory = FakeFaktory.start()) {
 *   URI url = faktory.url();                    // tcp://127.0.0.1:PORT
 *   // ... the code under test pushes a job ...
 *   assertThat(faktory.takeCommand().verb()).isEqualTo("PUSH");
 *   faktory.advance(Duration.ofSeconds(2));     // an empty FETCH times out now
 * }
 * }</pre>
 *
 * <p>By default the server's time moves only when the test moves it ({@link #advance}, {@link #advanceTo}); that
 * drives scheduled jobs, retries, reservation expiry, heartbeat expiry and the FETCH wait. Tests never need to
 * sleep. One exception keeps a test that never moves the clock from stalling: until the test takes charge of the
 * clock (by moving it, calling {@link #awaitReceived}, or handing {@link #workerClock()} to a worker), an empty
 * FETCH that has waited {@link Builder#idleWait(Duration) 1 s} of real time is answered as if its 2 s had passed:
 * the fake moves its clock to that FETCH's deadline, running what falls due on the way, as a virtual-time scheduler
 * does when everything is idle. So {@code fetch("default")} on an empty fake returns empty after about a second.
 * Once the test has taken charge, only the test moves the clock until the next {@link #reset()}, so a test that
 * drives time gets the same run every time (call {@code advance(Duration.ZERO)} to be in charge from the start).
 * {@link #reset()} puts the clock back at the wall-clock time (or {@link Builder#startAt}), so schedules a test
 * builds from {@code Instant.now()} are in the fake's future however far earlier tests moved it. A server on
 * {@link Builder#realTime() real time} (the standalone jar) has none of this: its FETCH waits 2 real seconds.
 *
 * <p>Every method is thread-safe. {@link #takeCommand()} and {@link #awaitReceived(String)} block (with a timeout);
 * nothing else does except {@link #close()}. Instances cannot be restarted; all of them share one daemon
 * event-loop group, so starting many in one JVM is cheap.
 */
public final class FakeFaktory implements AutoCloseable {
  /** How long {@link #takeCommand()} and {@link #awaitReceived(String)} wait, in real time. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How long of real time an idle empty FETCH waits by default: see {@link Builder#idleWait(Duration)}. */
  public static final Duration DEFAULT_IDLE_WAIT = Duration.ofSeconds(1);

  private final FaktoryModel model;
  private final FaktoryClock clock;
  private final IdleClock testClock;
  private final SystemClock realClock;
  private final Instant startAt;
  private final CommandHooks hooks;
  private final FaktoryTransport transport;
  private final boolean tls;

  private FakeFaktory(Builder builder) {
    FaktoryTransport.prepare();
    this.startAt = builder.startAt;
    this.testClock = builder.realTime ? null : new IdleClock(new ManualClock(startInstant()), builder.idleWait);
    this.realClock = builder.realTime ? new SystemClock() : null;
    this.clock = builder.realTime ? realClock : testClock;
    ModelBuilding building = ModelBuilding.start(builder.settings(), clock);
    this.hooks = new CommandHooks(clock, builder.journal ? new Journal() : null, builder.onAnswered);
    this.tls = builder.tls != null;
    try {
      this.transport = FaktoryTransport.start(new InetSocketAddress(builder.host, builder.port),
          builder.maxLineLength, builder.tls,
          connection -> hooks.decorate(building.model().openSession(connection), connection.index()));
    } catch (RuntimeException e) {
      closeRealClock();
      building.model(); // a model that could not be built fails the start, as when it was built first
      throw e;
    }
    try {
      this.model = building.model();
    } catch (RuntimeException e) {
      transport.close();
      closeRealClock();
      throw e;
    }
  }

  /** Starts a server with the defaults: 127.0.0.1, a free port, no password, a manual clock. */
  public static FakeFaktory start() {
    return builder().start();
  }

  /** Returns a builder for a server with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the URL clients connect to: {@code tcp://127.0.0.1:PORT} ({@code tcp+tls://} when the server serves
   * TLS), with {@code :password@} when the server has one. A server bound to every interface is reached through
   * 127.0.0.1.
   */
  public URI url() {
    InetSocketAddress address = transport.localAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
    String password = model.settings().password();
    try {
      return new URI(tls ? "tcp+tls" : "tcp", password == null ? null : ":" + password, host, address.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("url of " + address, e);
    }
  }

  /** Returns the port the server listens on. */
  public int port() {
    return transport.localAddress().getPort();
  }

  /** Returns the server's password, or empty when it accepts any client. */
  public Optional<String> password() {
    return Optional.ofNullable(model.settings().password());
  }

  /**
   * Returns the server's current time: where the test moved it, or the system's on a real-time server. A move in
   * progress (an idle FETCH's, or {@link #advance} on another thread) is waited for, so a test that read a reply
   * sent on the way reads the time the move ends at. Not for the server's own callbacks (an {@link Interceptor}):
   * they may run during a move.
   */
  public Instant now() {
    return testClock != null ? testClock.manual().settledNow() : clock.now();
  }

  /**
   * Returns this server's clock as a {@link WorkerClock}, for a {@code FaktoryWorker} under test: {@link #advance}
   * then moves the worker's heartbeat, reconnect backoff and shutdown timeout together with the server's time. The
   * test takes charge of the clock (see the class description): no idle FETCH moves it any more.
   */
  public WorkerClock workerClock() {
    if (testClock != null) {
      testClock.takeCharge();
    }
    return new WorkerClock() {
      @Override
      public Instant now() {
        return clock.now();
      }

      @Override
      public Cancellable schedule(Instant when, Runnable task) {
        Cancellable scheduled = clock.schedule(when, task)::cancel;
        if (testClock != null && !when.isAfter(clock.now())) {
          // the test moved the clock past it before the worker's thread got here: it is due now, not at the next move
          testClock.advance(Duration.ZERO);
        }
        return scheduled;
      }
    };
  }

  /**
   * Moves the server's clock forward by {@code duration} and runs what fell due (scheduled jobs, retries, expired
   * reservations and heartbeats, FETCH waits, delayed replies). Returns once those ran; the replies they cause reach
   * clients asynchronously.
   *
   * @throws IllegalArgumentException when {@code duration} is negative
   * @throws IllegalStateException when the server runs on real time ({@link Builder#realTime()})
   */
  public void advance(Duration duration) {
    testClock().advance(duration);
  }

  /**
   * Moves the server's clock to {@code instant}, running what fell due on the way, as {@link #advance} does.
   *
   * @throws IllegalArgumentException when {@code instant} is before {@link #now()}
   * @throws IllegalStateException when the server runs on real time ({@link Builder#realTime()})
   */
  public void advanceTo(Instant instant) {
    testClock().set(instant);
  }

  /**
   * Returns the clock all of the server's deadlines run on: the {@link ManualClock} inside the idle clock, or the
   * system's (tests of this package look at it).
   */
  FaktoryClock clock() {
    return testClock != null ? testClock.manual() : realClock;
  }

  private IdleClock testClock() {
    if (testClock == null) {
      throw new IllegalStateException("clock: " + clock + " (expected: a ManualClock; this server runs on real time)");
    }
    return testClock;
  }

  /** Returns where the clock starts, and restarts on {@link #reset()}. */
  private Instant startInstant() {
    return startAt != null ? startAt : Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Returns the server's state, for seeding and inspection. Thread-safe; see {@link ServerState}. */
  public ServerState state() {
    return model.state();
  }

  /**
   * Removes and returns the oldest answered command not yet taken, waiting up to {@link #DEFAULT_TIMEOUT}.
   *
   * @throws AssertionError when no command is answered in time (never returns null)
   * @throws IllegalStateException when the server keeps no journal
   */
  public RecordedCommand takeCommand() {
    return takeCommand(DEFAULT_TIMEOUT);
  }

  /** Works like {@link #takeCommand()}, waiting up to {@code timeout} of real time. */
  public RecordedCommand takeCommand(Duration timeout) {
    return hooks.journal().take(timeout);
  }

  /**
   * Removes and returns the oldest answered command with {@code verb} (such as {@code "PUSH"}) not yet taken,
   * waiting up to {@link #DEFAULT_TIMEOUT}; commands with other verbs (the handshake's {@code HELLO}, say) stay
   * in the journal for other takes.
   *
   * @throws AssertionError when no such command is answered in time (never returns null)
   */
  public RecordedCommand takeCommand(String verb) {
    return takeCommand(verb, DEFAULT_TIMEOUT);
  }

  /** Works like {@link #takeCommand(String)}, waiting up to {@code timeout} of real time. */
  public RecordedCommand takeCommand(String verb, Duration timeout) {
    return hooks.journal().take(command -> command.verb().equals(verb), verb + " command", timeout);
  }

  /**
   * Blocks until a command with {@code verb} has arrived that no earlier call returned, and returns it, whether or
   * not it was answered yet: the way to know a worker's FETCH is waiting before the test moves the clock. A command
   * counts as arrived once the server started handling it, so a wait it began is already on the clock. The test
   * takes charge of the clock (see the class description), so that wait ends only when the test moves it. Waits up
   * to {@link #DEFAULT_TIMEOUT}.
   *
   * @throws AssertionError when no such command arrives in time (never returns null)
   */
  public ReceivedCommand awaitReceived(String verb) {
    return awaitReceived(verb, DEFAULT_TIMEOUT);
  }

  /** Works like {@link #awaitReceived(String)}, waiting up to {@code timeout} of real time. */
  public ReceivedCommand awaitReceived(String verb, Duration timeout) {
    if (testClock != null) {
      testClock.takeCharge();
    }
    return hooks.journal().awaitReceived(verb, timeout);
  }

  /** Returns every command answered since start or the last {@link #reset()}, taken or not, in answer order. */
  public List<RecordedCommand> commands() {
    return hooks.journal().snapshot();
  }

  /** Returns how many commands were answered since start or the last {@link #reset()}. */
  public int commandCount() {
    return hooks.journal().count();
  }

  /** Installs {@code interceptor}, replacing the previous one; {@link Interceptor#PROCEED} removes it. */
  public void intercept(Interceptor interceptor) {
    hooks.intercept(interceptor);
  }

  /** Plans {@code fault} after the faults already planned; the first planned fault matching a command applies. */
  public void inject(Fault fault) {
    hooks.faults().add(fault);
  }

  /** Returns the faults still planned, each with the number of commands it has yet to hit. */
  public List<Fault> faults() {
    return hooks.faults().snapshot();
  }

  /** Drops every planned fault. */
  public void clearFaults() {
    hooks.faults().clear();
  }

  /**
   * Returns the server to a fresh state between tests: the model's state is reset, the journal cleared, faults and
   * the interceptor removed, and the clock put back at the wall-clock time (or {@link Builder#startAt}), forward or
   * back, with what is still scheduled on it keeping its distance; the test is no longer in charge of the clock (see
   * the class description). Open connections stay open and their numbering continues; a FETCH still waiting (a
   * previous test's worker's, perhaps on a connection already closed) gets an empty reply, so it takes no job the
   * next test seeds. A server on real time keeps its clock.
   */
  public void reset() {
    if (testClock != null) {
      testClock.restart(startInstant());
    }
    model.state().reset();
    hooks.reset();
  }

  /**
   * Stops the server and closes every connection, and the timer thread of a real-time server; blocks until done.
   * Idempotent.
   */
  @Override
  public void close() {
    transport.close();
    closeRealClock();
  }

  private void closeRealClock() {
    if (realClock != null) {
      realClock.close();
    }
  }

  @Override
  public String toString() {
    return "FakeFaktory[" + url() + "]";
  }

  /** Settings of a server to start. Not thread-safe; each {@link #start()} starts a new server. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String password;
    private Instant startAt;
    private boolean realTime;
    private Duration idleWait = DEFAULT_IDLE_WAIT;
    private long seed;
    private int maxLineLength = FaktoryTransport.DEFAULT_MAX_LINE_LENGTH;
    private boolean journal = true;
    private Consumer<RecordedCommand> onAnswered;
    private TlsCredentials tls;

    private Builder() {}

    /** Sets the address to listen on; default 127.0.0.1. Tests should keep loopback. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Sets the port; default 0, a free port. Tests should keep 0 to avoid clashes. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
      }
      this.port = port;
      return this;
    }

    /** Sets the password clients must prove in HELLO; default none (null or empty). */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Sets the time the server's clock starts at, and restarts at on each {@link FakeFaktory#reset()}; default the
     * current time, truncated to milliseconds. The clock then moves only when the test moves it
     * ({@link FakeFaktory#advance}, {@link FakeFaktory#advanceTo}) or an idle FETCH waits (see {@link FakeFaktory}).
     */
    public Builder startAt(Instant startAt) {
      this.startAt = Objects.requireNonNull(startAt, "startAt");
      this.realTime = false;
      return this;
    }

    /**
     * Sets how long of real time an empty FETCH waits, while the test has not taken charge of the clock, before the
     * fake moves its clock to that FETCH's deadline (see {@link FakeFaktory}); default 1 s. {@code Duration.ZERO}
     * answers such a FETCH at once.
     */
    public Builder idleWait(Duration idleWait) {
      if (idleWait.isNegative()) {
        throw new IllegalArgumentException("idleWait: " + idleWait + " (expected: >= 0)");
      }
      this.idleWait = idleWait;
      return this;
    }

    /**
     * Makes the server run on real time (the system clock, deadlines on a timer thread) instead of a clock the test
     * moves; {@link FakeFaktory#advance} is then refused. For a server without tests, such as {@code java -jar}.
     */
    public Builder realTime() {
      this.realTime = true;
      this.startAt = null;
      return this;
    }

    /** Sets the seed of the server's randomness (salts, retry jitter); default 0, so runs repeat exactly. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the longest line accepted, in bytes without the terminator; default 16 MiB. Real Faktory has no limit;
     * the fake answers a longer line with an error and closes the connection.
     */
    public Builder maxLineLength(int maxLineLength) {
      this.maxLineLength = maxLineLength;
      return this;
    }

    /**
     * Makes the server serve TLS only, as real Faktory does with {@code public.cert.pem} and {@code private.key.pem}
     * in its configuration directory: a plain-text client is closed without a byte (at once when it sends something
     * that is not TLS, after the 2 s handshake deadline on the server's clock when it waits for {@code HI}).
     * {@link FakeFaktory#url()} then starts with {@code tcp+tls://}; TLS 1.2 and 1.3 are accepted.
     *
     * @param certificatePem the certificate chain, PEM ({@code -----BEGIN CERTIFICATE-----}), server's first
     * @param privateKeyPem its private key, PEM, read as Go reads it: RSA ({@code RSA PRIVATE KEY} or PKCS#8), EC
     *     ({@code EC PRIVATE KEY} or PKCS#8) or Ed25519 (PKCS#8 {@code PRIVATE KEY})
     * @throws IllegalArgumentException when either cannot be read, or they do not match, with Go's message
     */
    public Builder tls(String certificatePem, String privateKeyPem) {
      this.tls = TlsCredentials.fromPem(Objects.requireNonNull(certificatePem, "certificatePem"),
          Objects.requireNonNull(privateKeyPem, "privateKeyPem"));
      return this;
    }

    /**
     * Sets whether the server keeps a journal of commands; default true. A long-running server without tests
     * ({@code java -jar}) turns it off to keep memory flat; the journal methods then throw.
     */
    public Builder journal(boolean journal) {
      this.journal = journal;
      return this;
    }

    /**
     * Tells {@code listener} of every command once it is answered, journal or not, on the thread that answered it
     * (it must not block); for a log of the traffic, such as the standalone jar's {@code -l debug}.
     */
    public Builder onAnswered(Consumer<RecordedCommand> listener) {
      this.onAnswered = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Starts a server with these settings; blocks until it listens.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public FakeFaktory start() {
      return new FakeFaktory(this);
    }

    private ModelSettings settings() {
      return ModelSettings.builder().password(password).seed(seed).build();
    }
  }
}
