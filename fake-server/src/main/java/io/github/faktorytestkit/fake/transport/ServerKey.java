package io.github.faktorytestkit.fake.transport;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.util.List;

/**
 * What Go's server can do with its certificate's key, as far as a client hello can rule it out: sign for the
 * {@code ECDHE_ECDSA} suites of TLS 1.2 (an EC or Ed25519 key) or the {@code ECDHE_RSA} ones, and the signature
 * schemes it signs with in TLS 1.3 ({@code signatureSchemesForPublicKey}: ECDSA on the key's own curve, none for
 * P-224, Ed25519, or RSA-PSS for an RSA key of 1040 bits or more).
 *
 * @param ecdsaSuites whether the TLS 1.2 suites are the {@code ECDHE_ECDSA} ones
 * @param tls13Schemes the TLS 1.3 signature schemes
 * @param curve the named group of an EC key's curve ({@link GoNamedGroups}, or secp224r1's, which Go does not offer),
 *     0 for another key
 * @param signs whether Go's signatures with the key check out: all but a key of more than two primes whose d does not
 *     fit e ({@link MultiPrimeRsaKey#signs}), which Go reads, then fails each handshake with at its signature
 */
record ServerKey(boolean ecdsaSuites, List<Integer> tls13Schemes, int curve, boolean signs) {
  private static final int P256 = 256;
  private static final int P384 = 384;
  private static final int P521 = 521;
  /** The named group secp224r1: Go's server reads a P-224 key and signs with it over TLS 1.2 only. */
  private static final int SECP224R1 = 21;

  /** The capabilities of {@code key}: RSA, EC (P-224, -256, -384, -521) or Ed25519, as {@link X509KeyPair} reads it. */
  static ServerKey of(PrivateKey key) {
    if (key instanceof ECKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return bits == P256 ? new ServerKey(true, List.of(0x0403), GoNamedGroups.P256, true)
          : bits == P384 ? new ServerKey(true, List.of(0x0503), GoNamedGroups.P384, true)
          : bits == P521 ? new ServerKey(true, List.of(0x0603), GoNamedGroups.P521, true)
          : new ServerKey(true, List.of(), SECP224R1, true);
    }
    if (key.getAlgorithm().equals("RSA")) {
      boolean signs = !(key instanceof MultiPrimeRsaKey multiPrime) || multiPrime.signs();
      return new ServerKey(false, List.of(0x0804, 0x0805, 0x0806), 0, signs);
    }
    return new ServerKey(true, List.of(0x0807), 0, true);
  }

  /**
   * The signature schemes Go signs with in TLS 1.2 ({@code signatureSchemesForPublicKey}, SHA-1 off by default):
   * ECDSA with SHA-256, -384 and -512 whatever the curve, Ed25519, or for an RSA key RSA-PSS and PKCS#1 v1.5.
   */
  List<Integer> tls12Schemes() {
    if (curve != 0) {
      return List.of(0x0403, 0x0503, 0x0603);
    }
    return ecdsaSuites ? tls13Schemes : List.of(0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601);
  }
}
