package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLEngine;

/**
 * Builds the handler chain of one connection: TLS when enabled (started once the client hello is read), framing
 * (lines in as text), then the session, which writes each reply as one buffer ({@link ReplyBuffers}).
 */
final class Pipelines {
  /** The largest line limit: 512 MiB (the longest Redis string) less a CRLF terminator. */
  static final int MAX_LINE_LENGTH_LIMIT = 512 * 1024 * 1024 - 2;

  private static final String CLIENT_HELLO = "tls-client-hello";
  private static final String HELD_WRITES = "tls-held-writes";

  private Pipelines() {}

  /**
   * Adds the handlers of one connection with index {@code connectionIndex} to {@code pipeline}; {@code tls} null
   * for plain TCP.
   */
  static void configure(ChannelPipeline pipeline, int maxLineLength, TlsCredentials tls, SessionFactory sessions,
      int connectionIndex) {
    if (tls != null) {
      pipeline.addLast(CLIENT_HELLO, new GoClientHello(tls));
      pipeline.addLast(HELD_WRITES, new HeldWrites());
    }
    pipeline.addLast("framer", new LineFramer(maxLineLength));
    pipeline.addLast("session", new SessionHandler(sessions, connectionIndex));
  }

  /**
   * Starts TLS with {@code engine} on a connection whose client hello {@link GoClientHello} accepted: the TLS
   * handlers go where the held writes were, which then go to them.
   */
  static void startTls(ChannelPipeline pipeline, SSLEngine engine) {
    SslHandler ssl = new SslHandler(engine);
    // the session's handshake deadline (2 s on the server's clock, as real Faktory's covers TLS) governs
    ssl.setHandshakeTimeoutMillis(0);
    String held = pipeline.context(HeldWrites.class).name();
    pipeline.addBefore(held, "tls", ssl);
    pipeline.addBefore(held, "tls-close", new SilentCloseBeforeTls(ssl));
    pipeline.get(HeldWrites.class).release();
  }
}
