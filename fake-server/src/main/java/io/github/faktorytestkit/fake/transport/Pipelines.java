package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.session.SessionFactory;
import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;
import java.util.function.IntFunction;
import org.bouncycastle.tls.TlsServer;

/**
 * Builds the handler chain of one connection: TLS when enabled (started once the client hello is read), framing
 * (lines in as text), then the session, which writes each reply as one buffer ({@link ReplyBuffers}); or, on a
 * {@link HttpsRelay}'s connection, the same TLS, then the relay to its target ({@link RelayHandler}).
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
      addTls(pipeline, new GoClientHello(tls));
    }
    pipeline.addLast("framer", new LineFramer(maxLineLength));
    pipeline.addLast("session", new SessionHandler(sessions, connectionIndex));
  }

  /**
   * Adds the handlers of one HTTPS connection served with {@code tls} (a client speaking plain HTTP gets Go's answer,
   * {@link GoMisdirectedHttp}) whose plaintext is relayed to {@code target}.
   */
  static void configureRelay(ChannelPipeline pipeline, TlsCredentials tls, InetSocketAddress target) {
    addTls(pipeline, new GoClientHello(tls, true));
    pipeline.addLast("relay", new RelayHandler(target));
  }

  private static void addTls(ChannelPipeline pipeline, GoClientHello hello) {
    pipeline.addLast(CLIENT_HELLO, hello);
    pipeline.addLast(HELD_WRITES, new HeldWrites());
  }

  /**
   * Starts TLS with {@code protocol} serving as {@code server} on a connection whose client hello {@link GoClientHello} accepted: the TLS handler
   * goes in front of the held writes, which it releases when the handshake is done; {@code retry} reads what comes
   * after a HelloRetryRequest.
   */
  static void startTls(ChannelPipeline pipeline, GoServerProtocol protocol, TlsServer server,
      IntFunction<GoRetriedHello> retry) {
    pipeline.addBefore(pipeline.context(HeldWrites.class).name(), "tls",
        new TlsProtocolHandler(protocol, server, retry));
  }
}
