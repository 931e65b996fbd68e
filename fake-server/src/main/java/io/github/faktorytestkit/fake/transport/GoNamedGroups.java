package io.github.faktorytestkit.fake.transport;

import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;

/**
 * The key exchange groups Go 1.26's TLS server enables by default ({@code defaultCurvePreferences}: the ML-KEM
 * hybrids, then X25519 and the NIST curves), in Go's order, which it applies over the client's among the groups the
 * client sent a key share for. Not copied: for a client that lists a hybrid but sends a share only for a classical
 * group, Go asks for the hybrid's share (a HelloRetryRequest); BouncyCastle's engine takes the share it has.
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
    parameters.setUseNamedGroupsOrder(true);
    bouncyCastle.setParameters(parameters);
  }
}
