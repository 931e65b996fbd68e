package io.github.faktorytestkit.client;

import io.github.faktorytestkit.client.internal.Connection;
import io.github.faktorytestkit.client.internal.ConnectionOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures and opens a {@link FaktoryClient}. Not thread-safe; may be reused to open several clients.
 *
 * <p>Defaults: the server named by the environment ({@link FaktoryUrl#fromEnvironment()}), connect timeout 5 s,
 * handshake timeout 5 s, read timeout 10 s (FETCH alone holds a reply for up to 2 s), write timeout 10 s, the JVM's
 * default TLS context, a producer identity (no wid) with label {@code java}, this host's name and this process's
 * id. A command thus blocks for at most the write plus the read timeout.
 */
public final class FaktoryClientBuilder {
  private FaktoryUrl url;
  private String password;
  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration handshakeTimeout = Duration.ofSeconds(5);
  private Duration readTimeout = Duration.ofSeconds(10);
  private Duration writeTimeout = Duration.ofSeconds(10);
  private SSLContext sslContext;
  private String wid;
  private List<String> labels = List.of("java");
  private String hostname;
  private long pid = ProcessHandle.current().pid();
  private int protocolVersion = FaktoryClient.PROTOCOL_VERSION;
  private Logger wireLogger = LoggerFactory.getLogger(FaktoryClient.WIRE_LOGGER_NAME);

  FaktoryClientBuilder() {}

  /** Sets the server, e.g. {@code tcp://:password@faktory.example.com:7419}; see {@link FaktoryUrl#parse}. */
  public FaktoryClientBuilder url(String url) {
    return url(FaktoryUrl.parse(url));
  }

  /** Sets the server from a URI of the same form as {@link #url(String)}. */
  public FaktoryClientBuilder url(URI url) {
    return url(url.toString());
  }

  /** Sets the server. */
  public FaktoryClientBuilder url(FaktoryUrl url) {
    this.url = Objects.requireNonNull(url, "url");
    return this;
  }

  /** Sets the password, overriding one in the URL; null keeps the URL's. */
  public FaktoryClientBuilder password(String password) {
    this.password = password;
    return this;
  }

  /** Sets the limit on establishing the connection (TCP connect; TLS handshake uses the read timeout). */
  public FaktoryClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Sets the limit on waiting for each handshake reply, the {@code HI} greeting and the {@code +OK} to HELLO.
   * Faktory greets as soon as it accepts and drops a client that has not finished the handshake after 2 s, so a
   * server silent for longer is not a working Faktory; the limit keeps such a server from costing a full read
   * timeout. The default of 5 s leaves room for a machine so loaded that the greeting is late.
   */
  public FaktoryClientBuilder handshakeTimeout(Duration timeout) {
    this.handshakeTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Sets the limit on waiting for each whole reply, however the server splits it; keep it above 2 s, the time
   * FETCH may wait for a job.
   */
  public FaktoryClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Sets the limit on sending each whole command line. A server that stops reading fills the socket buffers and
   * the write would block for ever; when the limit runs out the client closes the socket and the command fails
   * with a {@link FaktoryTimeoutException}. Raise it for very large jobs on slow links.
   */
  public FaktoryClientBuilder writeTimeout(Duration timeout) {
    this.writeTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Sets the TLS context for {@code tcp+tls} URLs (its trust store decides which servers are trusted). */
  public FaktoryClientBuilder sslContext(SSLContext sslContext) {
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
    return this;
  }

  /**
   * Makes the client a worker with id {@code wid} (random and unique per worker process); null makes it a
   * producer. A worker must BEAT at least every 60 s or the server drops the connection.
   */
  public FaktoryClientBuilder wid(String wid) {
    this.wid = wid;
    return this;
  }

  /** Sets the labels shown for this worker in the Web UI. */
  public FaktoryClientBuilder labels(String... labels) {
    this.labels = List.of(labels);
    return this;
  }

  /** Sets the host name sent in HELLO (default: this machine's name). */
  public FaktoryClientBuilder hostname(String hostname) {
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    return this;
  }

  /** Sets the process id sent in HELLO (default: this process's). */
  public FaktoryClientBuilder pid(long pid) {
    this.pid = pid;
    return this;
  }

  /**
   * Sets the protocol version announced in HELLO (default 2). Version 1 makes the server check the legacy
   * single-iteration password hash; use it only to test a server's legacy path.
   */
  public FaktoryClientBuilder protocolVersion(int version) {
    if (version < 0 || version > 255) {
      throw new IllegalArgumentException("version: " + version + " (expected: 0..255)");
    }
    this.protocolVersion = version;
    return this;
  }

  /** Sets the logger for the wire log (default: the one named {@link FaktoryClient#WIRE_LOGGER_NAME}). */
  public FaktoryClientBuilder wireLogger(Logger logger) {
    this.wireLogger = Objects.requireNonNull(logger, "logger");
    return this;
  }

  /**
   * Connects and completes the handshake. Blocks for at most the connect timeout, the read timeout for TLS, and
   * the handshake timeout for each of HI and OK (plus the write timeout for HELLO). A server that does not greet
   * like Faktory is probed once with an HTTP request (bounded by the connect timeout and 1 s) to name a web port.
   *
   * @throws FaktoryConnectionException when the server cannot be reached
   * @throws FaktoryHandshakeException when the handshake fails ({@link FaktoryAuthenticationException} for the
   *     password)
   * @throws IllegalArgumentException when the environment names an invalid URL
   */
  public FaktoryClient connect() {
    FaktoryUrl target = url != null ? url : FaktoryUrl.fromEnvironment();
    String secret = password != null ? password : target.password();
    ConnectionOptions options = new ConnectionOptions(target, sslContext, connectTimeout, handshakeTimeout,
        readTimeout, writeTimeout, wireLogger);
    Identity identity = new Identity(wid, hostname != null ? hostname : LocalHost.NAME, pid, labels,
        target.username(), protocolVersion);
    Handshake.prepare(identity);
    Connection connection = Connection.open(options);
    int serverVersion = Handshake.perform(connection, identity, secret);
    return new FaktoryClient(connection, identity, target, serverVersion);
  }

  /** Holds this machine's name, looked up once. */
  private static final class LocalHost {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    }
  }
}
