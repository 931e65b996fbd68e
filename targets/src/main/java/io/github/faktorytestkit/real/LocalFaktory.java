package io.github.faktorytestkit.real;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A real Faktory server running as a local process, for tests. Each instance runs the {@code faktory} binary on
 * free 127.0.0.1 ports with its own fresh storage and config directories under {@code /tmp}; Faktory starts its
 * own {@code redis-server} there. Several instances may run at the same time.
 *
 * <pre>{@code
 * try (LocalFaktory faktory = LocalFaktory.builder().password("pw").start()) {
 *   URI url = faktory.url();   // tcp://:pw@127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>The binary comes from {@link Builder#binary(Path)}, else {@code FAKTORY_BIN}, else the cache folder of
 * {@code scripts/provision-faktory} for the target version ({@code -Dfaktory.version}, default 1.9.4), else
 * {@code PATH}; {@code redis-server} must be on {@code PATH}. {@link #close()} stops the server and its Redis and
 * deletes the directories. Faktory 1.9.4 writes {@code /tmp/redis.conf} once and reuses it afterwards, whoever
 * wrote it. Thread-safe.
 */
public final class LocalFaktory implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final FaktoryLaunch launch;
  private final String password;
  private final boolean tls;
  private final Thread shutdownHook;
  private boolean closed;

  private LocalFaktory(FaktoryLaunch launch, String password, boolean tls) {
    this.launch = launch;
    this.password = password;
    this.tls = tls;
    this.shutdownHook = new Thread(this::close, "stop-local-faktory-" + launch.port());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a server without password and without TLS; same as {@code builder().start()}.
   *
   * @throws IllegalStateException when the server does not start; the message carries its log
   */
  public static LocalFaktory start() {
    return builder().start();
  }

  /** Returns a builder for a server with options. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the protocol URL: {@code tcp://127.0.0.1:PORT}, or {@code tcp+tls://...} with TLS, with
   * {@code :password@} user info when a password is set.
   */
  public URI url() {
    return FaktoryUrls.protocol(tls, password, port());
  }

  /** Returns the address the server listens on: always {@code "127.0.0.1"}. */
  public String host() {
    return LoopbackPorts.HOST;
  }

  /** Returns the protocol port. */
  public int port() {
    return launch.port();
  }

  /** Returns the Web UI URL, {@code http://127.0.0.1:WEBPORT} ({@code https} with TLS); no user info. */
  public URI webUrl() {
    return URI.create((tls ? "https" : "http") + "://" + host() + ":" + launch.webPort());
  }

  /** Returns the version the server printed at start, e.g. {@code "1.9.4"}. */
  public String version() {
    return launch.version();
  }

  /** Returns the password, or null when the server has none. */
  public String password() {
    return password;
  }

  /** Returns what the server printed so far (stdout and stderr; Redis logs to its own file). */
  public String log() {
    return launch.output().text();
  }

  /**
   * Stops the server (SIGTERM, then SIGKILL after 10 s) and its Redis, and deletes its directories. Blocks until
   * the processes are gone. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    launch.stop(STOP_GRACE);
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is this very call
    }
  }

  /** Options for a {@link LocalFaktory}. Not thread-safe; reusable (each {@link #start()} starts a new server). */
  public static final class Builder {
    private String password;
    private String certPem;
    private String keyPem;
    private Path binary;
    private Duration startTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** Sets the password clients must prove in HELLO (passed as {@code FAKTORY_PASSWORD}); null for none. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Makes the protocol port (and the Web UI) speak TLS only, with this certificate chain and private key, both
     * PEM text. See {@link LoopbackCertificate} for a ready pair.
     */
    public Builder tls(String certPem, String keyPem) {
      this.certPem = Objects.requireNonNull(certPem, "certPem");
      this.keyPem = Objects.requireNonNull(keyPem, "keyPem");
      return this;
    }

    /** Sets the faktory binary to run instead of the one found by the default search. */
    public Builder binary(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** Sets how long {@link #start()} waits for the server to listen (default 30 s). */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /**
     * Starts the server and blocks until it listens on both ports.
     *
     * @throws IllegalStateException when no binary is found, or the server does not start within the timeout;
     *     the message then carries the server's log and Redis's log
     */
    public LocalFaktory start() {
      Path executable = binary != null ? binary : FaktoryBinary.find().orElseThrow(() -> new IllegalStateException(
          "faktory binary: not found (expected: an executable at one of " + FaktoryBinary.candidates()
              + "; run scripts/provision-faktory or set FAKTORY_BIN)"));
      FaktoryLaunch launch = FaktoryLaunch.start(executable, password, certPem, keyPem, startTimeout);
      return new LocalFaktory(launch, password, certPem != null);
    }
  }
}
