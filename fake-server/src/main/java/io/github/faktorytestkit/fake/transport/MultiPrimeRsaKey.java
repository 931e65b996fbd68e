package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.AlgorithmParameterSpec;
import java.util.stream.Stream;

/**
 * An RSA private key of more than two primes as Go's {@code rsa} package signs with it: with the modulus and the
 * private exponent alone, no CRT (the JDK's key of these two, which every signer here takes, BouncyCastle's as
 * {@code RSAKeyParameters} of them); and the public exponent, which Go's key keeps and {@code tls.X509KeyPair}
 * checks against the certificate's ({@link CertifiedKey}). Immutable.
 */
final class MultiPrimeRsaKey implements RSAPrivateKey {
  private static final long serialVersionUID = 1L;

  private final RSAPrivateKey key;
  private final BigInteger publicExponent;

  MultiPrimeRsaKey(RSAPrivateKey key, BigInteger publicExponent) {
    this.key = key;
    this.publicExponent = publicExponent;
  }

  /** The public exponent, e. */
  BigInteger publicExponent() {
    return publicExponent;
  }

  /**
   * Whether Go's check of each signature it makes with the key passes (the signature to the power e is what was
   * signed; Go reads the key without checking d against e): always for a d that fits e, practically never for another.
   * Checked once, on 2 and 3, where Go checks each signature.
   */
  boolean signs() {
    BigInteger n = getModulus();
    return Stream.of(BigInteger.TWO, BigInteger.valueOf(3))
        .allMatch(m -> m.modPow(getPrivateExponent(), n).modPow(publicExponent, n).equals(m));
  }

  @Override
  public BigInteger getPrivateExponent() {
    return key.getPrivateExponent();
  }

  @Override
  public BigInteger getModulus() {
    return key.getModulus();
  }

  @Override
  public AlgorithmParameterSpec getParams() {
    return key.getParams();
  }

  @Override
  public String getAlgorithm() {
    return key.getAlgorithm();
  }

  @Override
  public String getFormat() {
    return key.getFormat();
  }

  /** The JDK's PKCS#8 of the modulus and private exponent (its other numbers 0), read back as a key of these two. */
  @Override
  public byte[] getEncoded() {
    return key.getEncoded();
  }
}
