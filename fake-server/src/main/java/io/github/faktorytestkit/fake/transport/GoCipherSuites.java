package io.github.faktorytestkit.fake.transport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The cipher suites Go's TLS server (the Go that built Faktory 1.9.4, with Faktory's {@code go 1.25} defaults: no RSA
 * key exchange, no 3DES) enables with {@code MinVersion} TLS 1.2, in its preference order with AES hardware, which it
 * applies over the client's. Not copied: Go puts ChaCha20-Poly1305 first for a client whose first suite Go knows is
 * not AES-GCM ({@code isAESGCMPreferred}); the JDK's engine fixes its order before the client hello arrives.
 */
final class GoCipherSuites {
  private static final String[] AES_FIRST = {
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"};

  private GoCipherSuites() {}

  /** Enables Go's suites on a new server engine, in Go's AES-first order over the client's. */
  static void enable(SSLEngine engine) {
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setCipherSuites(AES_FIRST);
    parameters.setUseCipherSuitesOrder(true);
    engine.setSSLParameters(parameters);
  }
}
