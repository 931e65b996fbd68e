package io.github.faktorytestkit.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * A TLS client, BouncyCastle's (the JDK 17's has no ML-KEM hybrids, and names no signature scheme per connection):
 * of TLS 1.3 offering the key exchange groups a test names, that reads which group the server picked from the
 * server's first hello, which travels in the clear ({@link ServerHello}); or offering one signature scheme alone.
 */
final class KeyExchangeProbe {
  /** BouncyCastle's JSSE logs its settings at INFO and WARNING; held, as the logging framework keeps loggers weakly. */
  private static final Logger JSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");

  static {
    JSSE_LOG.setLevel(Level.SEVERE);
  }

  private static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

  private final SSLContext context;

  /** A probe trusting the certificate {@code certificatePem} and nothing else. */
  KeyExchangeProbe(String certificatePem) {
    this(trusting(certificatePem));
  }

  private KeyExchangeProbe(TrustManager[] trust) {
    try {
      context = SSLContext.getInstance("TLS", JSSE);
      context.init(null, trust, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS probe: cannot make the client", e);
    }
  }

  /**
   * A probe trusting any certificate, for a server's key too small for the JDK's checks of a chain (an RSA key under
   * 1024 bits), which a test sees fail the handshake before the client would check it.
   */
  static KeyExchangeProbe trustingAny() {
    return new KeyExchangeProbe(new TrustManager[] {new AnyCertificate()});
  }

  private static TrustManager[] trusting(String certificatePem) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII))));
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", JSSE);
      trust.init(trusted);
      return trust.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("TLS probe: cannot trust the certificate", e);
    }
  }

  /** A trust manager that takes any server's chain. */
  private static final class AnyCertificate extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("a client's chain");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new UnsupportedOperationException("a client's chain");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new UnsupportedOperationException("a client's chain");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // any server's chain
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      // any server's chain
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      // any server's chain
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /**
   * Returns the group the server at {@code url} picks for a client offering {@code groups} (BouncyCastle's names,
   * in the client's order; the client sends a key share for the first), as {@link ServerHello#group} names it. The
   * client signs only with the curves it offers: for the ECDSA P-256 certificate of a test, offer secp256r1 too.
   */
  String negotiate(URI url, String... groups) throws IOException {
    try (TappedSocket tapped = new TappedSocket(url.getHost(), url.getPort());
        SSLSocket socket = over(tapped, url, parameters -> {
          parameters.setProtocols(new String[] {"TLSv1.3"});
          parameters.setNamedGroups(groups);
          parameters.setEarlyKeyShares(new String[] {groups[0]});
        })) {
      socket.startHandshake();
      return ServerHello.group(tapped.received());
    }
  }

  /**
   * Returns the protocol of a handshake with the server at {@code url} of a client offering {@code protocol} and the
   * signature scheme {@code scheme} alone (BouncyCastle's names; the client refuses a signature of another); or, when
   * the server's alert fails it, the alert's name after what came before it: the TLS 1.2 messages in the clear
   * ({@link Tls12Flight#messages}), the TLS 1.3 server hello's shape ({@link ServerHello#shape}), then each record's
   * type and length.
   */
  String signedWith(URI url, String protocol, String scheme) throws IOException {
    try (TappedSocket tapped = new TappedSocket(url.getHost(), url.getPort());
        SSLSocket socket = over(tapped, url, parameters -> {
          parameters.setProtocols(new String[] {protocol});
          parameters.setSignatureSchemes(new String[] {scheme});
        })) {
      try {
        socket.startHandshake();
        return socket.getSession().getProtocol();
      } catch (TlsFatalAlertReceived alert) {
        byte[] received = tapped.received();
        return AlertDescription.getName(alert.getAlertDescription()) + " after "
            + (protocol.equals("TLSv1.2") ? Tls12Flight.messages(received) : ServerHello.shape(received))
            + ", records " + records(received);
      }
    }
  }

  /** A client socket over {@code tapped}, its parameters set by {@code offer}. */
  private SSLSocket over(TappedSocket tapped, URI url, Consumer<BCSSLParameters> offer) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tapped, url.getHost(), url.getPort(), true);
    socket.setSoTimeout(10_000);
    BCSSLSocket bouncyCastle = (BCSSLSocket) socket;
    BCSSLParameters parameters = bouncyCastle.getParameters();
    offer.accept(parameters);
    bouncyCastle.setParameters(parameters);
    return socket;
  }

  /** The records of {@code received}, each as its content type and length ({@code 22:122 20:1 23:19}). */
  private static String records(byte[] received) {
    StringBuilder records = new StringBuilder();
    for (int at = 0; at + 5 <= received.length; at += 5 + ((received[at + 3] & 0xff) << 8 | received[at + 4] & 0xff)) {
      records.append(records.length() == 0 ? "" : " ").append(received[at]).append(':')
          .append((received[at + 3] & 0xff) << 8 | received[at + 4] & 0xff);
    }
    return records.toString();
  }
}
