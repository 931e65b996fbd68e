package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The public key of a certificate as Go's {@code parsePublicKey} gives it, and whether a private key is its pair as
 * {@code tls.X509KeyPair} then checks: of the same type (RSA, ECDSA, Ed25519: any other is refused whatever the
 * private key), and the same public key (RSA's modulus and exponent, ECDSA's curve and point, Ed25519's bytes).
 */
sealed interface CertifiedKey {
  /** A key X509KeyPair refuses whatever the private key: DSA, X25519 or an algorithm Go does not know. */
  CertifiedKey UNUSABLE = new Unusable();

  /** Go's refusal of {@code key} as this key's pair, or empty when it is the pair. */
  Optional<String> mismatch(PrivateKey key);

  /** An RSA key. */
  record Rsa(BigInteger modulus, BigInteger exponent) implements CertifiedKey {
    @Override
    public Optional<String> mismatch(PrivateKey key) {
      if (!(key instanceof RSAPrivateKey)) {
        return Optional.of(KeyPairTexts.KEY_TYPE_MISMATCH);
      }
      BigInteger publicExponent = key instanceof RSAPrivateCrtKey crt ? crt.getPublicExponent()
          : key instanceof MultiPrimeRsaKey multiPrime ? multiPrime.publicExponent()
          : key instanceof InsecureRsaKey insecure ? insecure.publicExponent() : null;
      boolean same = ((RSAPrivateKey) key).getModulus().equals(modulus) && exponent.equals(publicExponent);
      return same ? Optional.empty() : Optional.of(KeyPairTexts.KEY_MISMATCH);
    }
  }

  /** An ECDSA key on a curve named as BouncyCastle names it ({@code P-256}), its point's affine coordinates. */
  record Ecdsa(String curve, BigInteger x, BigInteger y) implements CertifiedKey {
    @Override
    public Optional<String> mismatch(PrivateKey key) {
      if (!(key instanceof ECPrivateKey ec)) {
        return Optional.of(KeyPairTexts.KEY_TYPE_MISMATCH);
      }
      X9ECParameters parameters = ECNamedCurveTable.getByName(curve);
      if (!parameters.getN().equals(ec.getParams().getOrder())) {
        return Optional.of(KeyPairTexts.KEY_MISMATCH);
      }
      ECPoint point = parameters.getG().multiply(ec.getS()).normalize();
      boolean same = point.getAffineXCoord().toBigInteger().equals(x)
          && point.getAffineYCoord().toBigInteger().equals(y);
      return same ? Optional.empty() : Optional.of(KeyPairTexts.KEY_MISMATCH);
    }
  }

  /** An Ed25519 key: its 32 bytes. */
  record Ed25519(byte[] key) implements CertifiedKey {
    @Override
    public Optional<String> mismatch(PrivateKey privateKey) {
      Optional<byte[]> seed = privateKey instanceof EdECPrivateKey ed && ed.getParams().getName().equals("Ed25519")
          ? ed.getBytes() : Optional.empty();
      if (seed.isEmpty()) {
        return Optional.of(KeyPairTexts.KEY_TYPE_MISMATCH);
      }
      byte[] derived = new Ed25519PrivateKeyParameters(seed.get(), 0).generatePublicKey().getEncoded();
      return Arrays.equals(derived, key) ? Optional.empty() : Optional.of(KeyPairTexts.KEY_MISMATCH);
    }
  }

  /** See {@link #UNUSABLE}. */
  final class Unusable implements CertifiedKey {
    private Unusable() {}

    @Override
    public Optional<String> mismatch(PrivateKey key) {
      return Optional.of(KeyPairTexts.UNKNOWN_PUBLIC_KEY);
    }
  }
}
