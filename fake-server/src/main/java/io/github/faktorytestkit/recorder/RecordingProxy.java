package io.github.faktorytestkit.recorder;

import io.github.faktorytestkit.client.FaktoryUrl;
import io.github.faktorytestkit.transcript.CaptureLog;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptHeader;
import io.github.faktorytestkit.transcript.TranscriptNormaliser;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A recording proxy for Faktory: listens on loopback, forwards every connection byte for byte to a real server
 * (plain or TLS), and records both directions as a {@link Transcript} ({@code recordings/README.md}). Clients
 * connect to {@link #url()} instead of the server; the proxy adds no latency beyond a copy and changes nothing.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.builder().upstream("tcp://localhost:7419")
 *     .scenario("push and fetch").output(Path.of("target/push-and-fetch.txt")).start()) {
 *   FaktoryClient client = FaktoryClient.connect(proxy.url().toString());
 *   ...
 * } // the transcript is written here
 * }</pre>
 *
 * <p>{@link #close()} stops accepting, gives open connections up to the drain timeout to end by themselves,
 * normalises the capture ({@link TranscriptNormaliser}, unless turned off) and writes it to the output file, if
 * one was given. Thread-safe.
 */
public final class RecordingProxy implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RecordingProxy.class.getName());

  private final Builder settings;
  private final Upstream upstream;
  private final ServerSocket listener;
  private final CaptureLog log = new CaptureLog(System::nanoTime);
  private final Instant started = Instant.now();
  private final List<ProxiedConnection> connections = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile Transcript closedWith;

  private RecordingProxy(Builder settings, Upstream upstream, ServerSocket listener) {
    this.settings = settings;
    this.upstream = upstream;
    this.listener = listener;
    this.acceptor = new Thread(this::acceptAll, "faktory-recorder-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Returns a builder; {@link Builder#upstream} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the port the proxy listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Returns the URL clients connect to: {@code tcp://} the proxy's address, with the upstream URL's user name and
   * password (so a client that takes its password from the URL authenticates through the proxy unchanged).
   */
  public URI url() {
    FaktoryUrl url = upstream.url();
    String user = url.username() == null ? "" : encode(url.username());
    String userInfo = url.password() != null ? user + ":" + encode(url.password()) + "@"
        : url.username() != null ? user + "@" : "";
    InetAddress address = listener.getInetAddress();
    String host = address.getHostAddress().indexOf(':') >= 0 ? "[" + address.getHostAddress() + "]"
        : address.getHostAddress();
    return URI.create("tcp://" + userInfo + host + ":" + port());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Returns the transcript so far, normalised as {@link #close()} would write it. */
  public Transcript transcript() {
    Transcript closed = closedWith;
    return closed != null ? closed : finish(log.transcript(header()));
  }

  private Transcript finish(Transcript raw) {
    return settings.normalise ? TranscriptNormaliser.normalise(raw) : raw;
  }

  private TranscriptHeader header() {
    return TranscriptHeader.of(settings.server, settings.scenario, started, settings.producer);
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        client.setTcpNoDelay(true);
        connect(client);
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.log(System.Logger.Level.WARNING, "recording proxy: accept failed: " + e);
        }
      }
    }
  }

  private void connect(Socket client) {
    Socket server;
    try {
      server = upstream.connect();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "recording proxy: cannot reach " + upstream.describe() + ": " + e);
      ProxiedConnection.closeQuietly(client);
      return;
    }
    connections.add(ProxiedConnection.start(client, server, log));
  }

  /**
   * Stops the proxy and writes the transcript to the output file, when one was given; {@link #transcript()} then
   * returns what was written. Idempotent.
   *
   * @throws UncheckedIOException when the output file cannot be written
   */
  @Override
  public synchronized void close() {
    if (closedWith != null) {
      return;
    }
    closeQuietly(listener);
    awaitConnections();
    Transcript transcript = finish(log.transcript(header()));
    closedWith = transcript;
    connections.forEach(ProxiedConnection::close);
    if (settings.output != null) {
      TranscriptWriter.write(transcript, settings.output);
    }
  }

  private void awaitConnections() {
    long deadline = System.nanoTime() + settings.drainTimeout.toNanos();
    try {
      for (ProxiedConnection connection : connections) {
        long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
        connection.awaitEnd(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }

  /** The proxy's settings. Not thread-safe; each {@link #start()} takes a copy, so the builder can be reused. */
  public static final class Builder {
    private FaktoryUrl upstreamUrl;
    private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private SSLContext sslContext;
    private Path output;
    private String server;
    private String scenario;
    private String producer = "faktory-testkit recording proxy";
    private boolean normalise = true;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration drainTimeout = Duration.ofSeconds(1);

    private Builder() {}

    /** Sets the server to forward to: a Faktory URL, {@code tcp://[:password@]host:port} or {@code tcp+tls://}. */
    public Builder upstream(String url) {
      this.upstreamUrl = FaktoryUrl.parse(url);
      return this;
    }

    /** Sets the server to forward to. */
    public Builder upstream(FaktoryUrl url) {
      this.upstreamUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Sets where to listen; default: the loopback address, a free port. */
    public Builder listen(InetSocketAddress address) {
      this.listen = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Sets the TLS context for a {@code tcp+tls://} upstream; default: the JVM's default context. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Sets the file {@link #close()} writes the transcript to (its folder is created); default: none. */
    public Builder output(Path file) {
      this.output = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Sets the header's {@code server} field, e.g. {@code Faktory 1.9.4}. */
    public Builder server(String name) {
      this.server = name;
      return this;
    }

    /** Sets the header's {@code scenario} field: what the recording exercises. */
    public Builder scenario(String name) {
      this.scenario = name;
      return this;
    }

    /** Sets the header's {@code producer} field; default {@code faktory-testkit recording proxy}. */
    public Builder producer(String name) {
      this.producer = name;
      return this;
    }

    /** Sets whether the transcript gets placeholders ({@link TranscriptNormaliser}); default true. */
    public Builder normalise(boolean on) {
      this.normalise = on;
      return this;
    }

    /** Sets how long connecting to the server may take; default 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Sets how long {@link #close()} waits for open connections to end by themselves; default 1 s. */
    public Builder drainTimeout(Duration timeout) {
      this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when no upstream was set
     * @throws UncheckedIOException when the address cannot be bound
     */
    public RecordingProxy start() {
      if (upstreamUrl == null) {
        throw new IllegalStateException("upstream: not set (expected: a Faktory URL, e.g. tcp://localhost:7419)");
      }
      Upstream upstream = new Upstream(upstreamUrl, Optional.ofNullable(sslContext).orElseGet(Builder::defaultTls),
          connectTimeout);
      ServerSocket listener = null;
      try {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(listen);
        return new RecordingProxy(copy(), upstream, listener);
      } catch (IOException e) {
        if (listener != null) {
          closeQuietly(listener);
        }
        throw new UncheckedIOException("cannot listen on " + listen, e);
      }
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.upstreamUrl = upstreamUrl;
      copy.listen = listen;
      copy.sslContext = sslContext;
      copy.output = output;
      copy.server = server;
      copy.scenario = scenario;
      copy.producer = producer;
      copy.normalise = normalise;
      copy.connectTimeout = connectTimeout;
      copy.drainTimeout = drainTimeout;
      return copy;
    }

    private static SSLContext defaultTls() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("no default TLS context", e);
      }
    }
  }
}
