package io.github.faktorytestkit.fake.transport;

import java.security.GeneralSecurityException;

/**
 * A server certificate chain and its private key, read from PEM text (what real Faktory reads from
 * {@code public.cert.pem} and {@code private.key.pem}), served on the command port by BouncyCastle's TLS protocol
 * set up as Go's server ({@link GoTlsServer}: TLS 1.2 and 1.3, Faktory's {@code MinVersion} being 1.2, with Go's
 * cipher suites and key exchange groups), and by the standalone jar's web endpoints ({@link HttpsRelay}). The pair is
 * read as Go's {@code tls.X509KeyPair} reads it ({@link X509KeyPair}): an RSA, EC or Ed25519 key in PKCS#1, SEC1 or
 * PKCS#8. Its session tickets are sealed under keys of its own ({@link SessionTickets}). Thread-safe.
 */
public final class TlsCredentials {
  private final GoSigners signers;
  private final SessionTickets tickets = SessionTickets.random();
  private final GoTls13Tickets tickets13 = new GoTls13Tickets(tickets);

  private TlsCredentials(GoSigners signers) {
    this.signers = signers;
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
      return new TlsCredentials(BouncyCastleTls.signers(pair, key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS credentials: cannot be built from the certificate and key", e);
    }
  }

  /** Returns what the key can sign for. */
  ServerKey serverKey() {
    return signers.key();
  }

  /** Returns the server's TLS 1.3 session tickets. */
  GoTls13Tickets tls13Tickets() {
    return tickets13;
  }

  /**
   * Returns the server of one connection whose client hello {@link GoClientHello} read, set up as Go's for that
   * hello ({@link GoTlsServer}). The one place servers are made.
   */
  GoTlsServer server(ClientHelloMessage hello) {
    return new GoTlsServer(BouncyCastleTls.crypto(), hello, signers, tickets, tickets13);
  }
}
