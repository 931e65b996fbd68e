package io.github.faktorytestkit.fake.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A server certificate chain and its private key, read from PEM text (what real Faktory reads from
 * {@code public.cert.pem} and {@code private.key.pem}), as a TLS server context accepting TLS 1.2 and 1.3 (Faktory's
 * {@code MinVersion} is 1.2). The key must be PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), EC, RSA or Ed25519.
 * Immutable and thread-safe.
 */
public final class TlsCredentials {
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final char[] NO_PASSWORD = new char[0];

  private final SSLContext context;

  private TlsCredentials(SSLContext context) {
    this.context = context;
  }

  /**
   * Reads a certificate chain and its key.
   *
   * @throws IllegalArgumentException naming which of the two cannot be read, and why
   */
  public static TlsCredentials fromPem(String certificatePem, String privateKeyPem) {
    PrivateKey key = privateKey(privateKeyPem);
    Certificate[] chain = certificates(certificatePem);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("faktory", key, NO_PASSWORD, chain);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new TlsCredentials(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("TLS server context: cannot be built from the certificate and key", e);
    }
  }

  /** Returns the JDK context, for servers other than the command port (the standalone jar's web endpoints). */
  public SSLContext context() {
    return context;
  }

  /** Returns a new server-side engine for one connection. */
  SSLEngine serverEngine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(PROTOCOLS);
    return engine;
  }

  private static Certificate[] certificates(String pem) {
    try {
      Certificate[] chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .toArray(Certificate[]::new);
      if (chain.length > 0) {
        return chain;
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "certificatePem: unreadable (expected: PEM -----BEGIN CERTIFICATE----- blocks): " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("certificatePem: no certificate (expected: PEM -----BEGIN CERTIFICATE-----)");
  }

  private static PrivateKey privateKey(String pem) {
    Matcher block = PKCS8.matcher(pem);
    if (!block.find()) {
      throw new IllegalArgumentException("privateKeyPem: no PKCS#8 key (expected: -----BEGIN PRIVATE KEY-----;"
          + " convert another form with openssl pkcs8 -topk8 -nocrypt)");
    }
    PKCS8EncodedKeySpec spec;
    try {
      spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("privateKeyPem: not Base64 (expected: PEM text)", e);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("privateKeyPem: unreadable key (expected: an EC, RSA or Ed25519 key)");
  }
}
