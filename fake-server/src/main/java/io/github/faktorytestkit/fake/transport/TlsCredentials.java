package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A server certificate chain and its private key, read from PEM text (what real Faktory reads from
 * {@code public.cert.pem} and {@code private.key.pem}), as a TLS server context ({@link BouncyCastleTls}) accepting
 * TLS 1.2 and 1.3 (Faktory's {@code MinVersion} is 1.2) with Go's cipher suites ({@link GoCipherSuites}) and key
 * exchange groups ({@link GoNamedGroups}). The pair is read as Go's
 * {@code tls.X509KeyPair} reads it ({@link X509KeyPair}): an RSA, EC or Ed25519 key in PKCS#1, SEC1 or PKCS#8.
 * Immutable and thread-safe.
 */
public final class TlsCredentials {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final SSLContext context;
  private final ServerKey serverKey;

  private TlsCredentials(SSLContext context, ServerKey serverKey) {
    this.context = context;
    this.serverKey = serverKey;
  }

  /**
   * Reads a certificate chain and its key.
   *
   * @throws IllegalArgumentException naming which of the two cannot be read, and why (Go's message when Go has one)
   */
  public static TlsCredentials fromPem(String certificatePem, String privateKeyPem) {
    X509KeyPair pair = X509KeyPair.fromPem(certificatePem, privateKeyPem);
    ServerKey key = ServerKey.of(pair.key);
    try {
      return new TlsCredentials(BouncyCastleTls.serverContext(pair, key), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS server context: cannot be built from the certificate and key", e);
    }
  }

  /** Returns the context, for servers other than the command port (the standalone jar's web endpoints). */
  public SSLContext context() {
    return context;
  }

  /** Returns what the key can sign for. */
  ServerKey serverKey() {
    return serverKey;
  }

  /**
   * Returns a new server-side engine for one connection whose client hello {@link GoClientHello} read: Go's cipher
   * suites in the order Go uses for it ({@link GoCipherSuites#aesGcmPreferred}) and the key exchange groups Go would
   * pick from ({@link GoNamedGroups#enable}), acknowledging the client's server name as Go does
   * ({@link GoServerNames}). The one place engines are made.
   */
  SSLEngine serverEngine(ClientHelloMessage hello) {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(PROTOCOLS);
    GoCipherSuites.enable(engine, GoCipherSuites.aesGcmPreferred(hello.cipherSuites));
    GoNamedGroups.enable(engine, hello, serverKey);
    GoServerNames.acknowledge(engine, hello);
    return engine;
  }
}
