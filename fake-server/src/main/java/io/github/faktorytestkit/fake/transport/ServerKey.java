package io.github.faktorytestkit.fake.transport;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Go's server can do with its certificate's key, as far as a client hello can rule it out: sign for the
 * {@code ECDHE_ECDSA} suites of TLS 1.2 (an EC or Ed25519 key) or the {@code ECDHE_RSA} ones, and the signature
 * schemes it signs with ({@code signatureSchemesForPublicKey}: in TLS 1.3 ECDSA on the key's own curve, none for
 * P-224, Ed25519, or each RSA-PSS scheme whose hashes fit the RSA key; in TLS 1.2 the same but ECDSA with any hash,
 * and the RSA PKCS#1 v1.5 schemes that fit).
 *
 * @param ecdsaSuites whether the TLS 1.2 suites are the {@code ECDHE_ECDSA} ones
 * @param tls13Schemes the TLS 1.3 signature schemes
 * @param tls12Schemes the TLS 1.2 signature schemes (SHA-1's off, as by default)
 * @param curve the named group of an EC key's curve ({@link GoNamedGroups}, or secp224r1's, which Go does not offer),
 *     0 for another key
 * @param signs whether Go's signatures with the key check out: all but an RSA key under 1024 bits, which Go reads
 *     but refuses to sign with ({@link InsecureRsaKey}), and a key of more than two primes whose d does not fit e
 *     ({@link MultiPrimeRsaKey#signs}), which Go reads, then fails each handshake with at its signature
 */
record ServerKey(boolean ecdsaSuites, List<Integer> tls13Schemes, List<Integer> tls12Schemes, int curve,
    boolean signs) {
  private static final int P256 = 256;
  private static final int P384 = 384;
  private static final int P521 = 521;
  /** The named group secp224r1: Go's server reads a P-224 key and signs with it over TLS 1.2 only. */
  private static final int SECP224R1 = 21;
  private static final List<Integer> ECDSA_ANY_CURVE = List.of(0x0403, 0x0503, 0x0603);
  /** RSA-PSS with SHA-256, -384, -512 ({@code rsaSignatureSchemes}), which need the modulus of twice the hash + 2. */
  private static final List<RsaScheme> PSS = List.of(new RsaScheme(0x0804, 66), new RsaScheme(0x0805, 98),
      new RsaScheme(0x0806, 130));
  /** RSA PKCS#1 v1.5 with SHA-256, -384, -512, which need the modulus of the hash's prefix and the hash + 11. */
  private static final List<RsaScheme> PKCS1 = List.of(new RsaScheme(0x0401, 62), new RsaScheme(0x0501, 78),
      new RsaScheme(0x0601, 94));

  /** An RSA signature scheme and the smallest modulus, in bytes, Go signs with it for. */
  private record RsaScheme(int scheme, int minModulusBytes) {}

  /** The capabilities of {@code key}: RSA, EC (P-224, -256, -384, -521) or Ed25519, as {@link X509KeyPair} reads it. */
  static ServerKey of(PrivateKey key) {
    if (key instanceof ECKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return bits == P256 ? ecdsa(0x0403, GoNamedGroups.P256)
          : bits == P384 ? ecdsa(0x0503, GoNamedGroups.P384)
          : bits == P521 ? ecdsa(0x0603, GoNamedGroups.P521)
          : new ServerKey(true, List.of(), ECDSA_ANY_CURVE, SECP224R1, true);
    }
    if (key instanceof RSAKey rsa) {
      int bytes = (rsa.getModulus().bitLength() + 7) / 8;
      List<Integer> pss = fitting(PSS, bytes);
      List<Integer> pkcs1 = fitting(PKCS1, bytes);
      boolean signs = !(key instanceof InsecureRsaKey)
          && (!(key instanceof MultiPrimeRsaKey multiPrime) || multiPrime.signs());
      return new ServerKey(false, pss, Stream.concat(pss.stream(), pkcs1.stream()).toList(), 0,
          signs);
    }
    return new ServerKey(true, List.of(0x0807), List.of(0x0807), 0, true);
  }

  private static ServerKey ecdsa(int tls13Scheme, int curve) {
    return new ServerKey(true, List.of(tls13Scheme), ECDSA_ANY_CURVE, curve, true);
  }

  private static List<Integer> fitting(List<RsaScheme> schemes, int modulusBytes) {
    return schemes.stream().filter(s -> modulusBytes >= s.minModulusBytes()).map(RsaScheme::scheme).toList();
  }
}
