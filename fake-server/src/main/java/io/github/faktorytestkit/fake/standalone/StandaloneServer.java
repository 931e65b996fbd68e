package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.fake.FakeFaktory;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A fake server running on real time the way the {@code faktory} binary runs: the command port, and the web
 * endpoints unless disabled. Thread-safe; {@link #close()} is idempotent.
 */
final class StandaloneServer implements AutoCloseable {
  private final FakeFaktory faktory;
  private final WebEndpoints web;

  private StandaloneServer(FakeFaktory faktory, WebEndpoints web) {
    this.faktory = faktory;
    this.web = web;
  }

  /**
   * Starts listening on {@code command} and, unless {@code web} is empty, serving the web endpoints there.
   *
   * @param password the password clients and the web endpoints require; empty for none
   * @param tls the certificate and key both ports then serve TLS only with; empty for plain TCP and HTTP
   * @param admin whether to serve the test controls on the web port: the server then runs on a clock they move
   *     (starting at the wall clock, moving by itself when a FETCH waits idle) and keeps a journal
   * @param log the log; at level debug it gets a line per answered command
   * @throws StartupException when an address cannot be bound
   */
  static StandaloneServer start(Binding command, Optional<Binding> web, String password, Optional<TlsFiles> tls,
      boolean admin, ServerLog log) throws StartupException {
    FakeFaktory faktory;
    try {
      FakeFaktory.Builder builder = FakeFaktory.builder().host(command.bindHost()).port(command.port())
          .password(password).journal(admin);
      if (!admin) {
        builder.realTime();
      }
      if (log.debugEnabled()) {
        builder.onAnswered(log::command);
      }
      tls.ifPresent(files -> builder.tls(files.certificatePem(), files.privateKeyPem()));
      faktory = builder.start();
    } catch (UncheckedIOException e) {
      throw StartupException.boot("Unable to boot the command server: cannot listen on " + command.text() + ": "
          + e.getCause().getMessage());
    }
    try {
      return new StandaloneServer(faktory, web.isEmpty() ? null
          : WebEndpoints.start(web.get().address(), faktory, password,
          tls.map(TlsFiles::credentials), admin));
    } catch (UncheckedIOException e) {
      faktory.close();
      throw StartupException.boot(web.get().text() + " server crashed: " + e.getCause().getMessage());
    }
  }

  /** Returns the fake behind the command port. */
  FakeFaktory faktory() {
    return faktory;
  }

  /** Returns where the web endpoints listen, or empty when they are disabled. */
  Optional<InetSocketAddress> webAddress() {
    return Optional.ofNullable(web).map(WebEndpoints::address);
  }

  /** Stops the web endpoints, closes every connection and stops the clock (the fake owns it). */
  @Override
  public void close() {
    if (web != null) {
      web.close();
    }
    faktory.close();
  }
}
