package io.github.faktorytestkit.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * A TLS 1.3 client offering the key exchange groups a test names, BouncyCastle's (the JDK 17's has no ML-KEM
 * hybrids), that reads which group the server picked from the server's first hello, which travels in the clear
 * ({@link ServerHello}).
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
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII))));
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", JSSE);
      trust.init(trusted);
      context = SSLContext.getInstance("TLS", JSSE);
      context.init(null, trust.getTrustManagers(), null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("TLS probe: cannot trust the certificate", e);
    }
  }

  /**
   * Returns the group the server at {@code url} picks for a client offering {@code groups} (BouncyCastle's names,
   * in the client's order; the client sends a key share for the first), as {@link ServerHello#group} names it. The
   * client signs only with the curves it offers: for the ECDSA P-256 certificate of a test, offer secp256r1 too.
   */
  String negotiate(URI url, String... groups) throws IOException {
    try (TappedSocket tapped = new TappedSocket(url.getHost(), url.getPort());
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
            .createSocket(tapped, url.getHost(), url.getPort(), true)) {
      socket.setSoTimeout(10_000);
      BCSSLSocket bouncyCastle = (BCSSLSocket) socket;
      BCSSLParameters parameters = bouncyCastle.getParameters();
      parameters.setProtocols(new String[] {"TLSv1.3"});
      parameters.setNamedGroups(groups);
      parameters.setEarlyKeyShares(new String[] {groups[0]});
      bouncyCastle.setParameters(parameters);
      socket.startHandshake();
      return ServerHello.group(tapped.received());
    }
  }
}
