package io.github.faktorytestkit.fake.transport;

import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;

/**
 * The key exchange groups Go 1.26's TLS server enables by default ({@code defaultCurvePreferences}: the ML-KEM
 * hybrids, then X25519 and the NIST curves), taken in the client's order among those it sent a key share for, as
 * Go takes them (TLS 1.2: the client's first). Not copied: Go takes a hybrid the client lists without a share for it
 * (a HelloRetryRequest asks for the share) before any share the client sent, and when no share fits asks in its own
 * order; BouncyCastle's engine takes the share it has, and asks for the client's first group.
 */
final class GoNamedGroups {
  private static final String[] PREFERENCE = {
      "X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "x25519", "secp256r1", "secp384r1", "secp521r1"};

  private GoNamedGroups() {}

  /** Enables Go's groups on a new server engine of BouncyCastle's provider ({@link BouncyCastleTls}). */
  static void enable(SSLEngine engine) {
    BCSSLEngine bouncyCastle = (BCSSLEngine) engine;
    BCSSLParameters parameters = bouncyCastle.getParameters();
    parameters.setNamedGroups(PREFERENCE);
    parameters.setUseNamedGroupsOrder(false);
    bouncyCastle.setParameters(parameters);
  }
}
