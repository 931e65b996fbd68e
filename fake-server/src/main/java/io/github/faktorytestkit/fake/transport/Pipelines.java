package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;

/**
 * Builds the handler chain of one connection: TLS when enabled, framing (lines in as text), then the session, which
 * writes each reply as one buffer ({@link ReplyBuffers}).
 */
final class Pipelines {
  /** The largest line limit: 512 MiB (the longest Redis string) less a CRLF terminator. */
  static final int MAX_LINE_LENGTH_LIMIT = 512 * 1024 * 1024 - 2;

  private Pipelines() {}

  /**
   * Adds the handlers of one connection with index {@code connectionIndex} to {@code pipeline}; {@code tls} null
   * for plain TCP.
   */
  static void configure(ChannelPipeline pipeline, int maxLineLength, TlsCredentials tls, SessionFactory sessions,
      int connectionIndex) {
    if (tls != null) {
      SslHandler ssl = new SslHandler(tls.serverEngine());
      // the session's handshake deadline (2 s on the server's clock, as real Faktory's covers TLS) governs
      ssl.setHandshakeTimeoutMillis(0);
      pipeline.addLast("tls-first-record", new GoFirstRecord());
      pipeline.addLast("tls", ssl);
      pipeline.addLast("tls-close", new SilentCloseBeforeTls(ssl));
    }
    pipeline.addLast("framer", new LineFramer(maxLineLength));
    pipeline.addLast("session", new SessionHandler(sessions, connectionIndex));
  }
}
