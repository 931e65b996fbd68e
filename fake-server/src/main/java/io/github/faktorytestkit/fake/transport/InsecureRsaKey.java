package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateKey;

/**
 * An RSA private key of fewer than 1024 bits, which Go's {@code tls.X509KeyPair} reads (of any size, even under the
 * JDK's 512-bit minimum, so no JDK key is made of it) and Go's {@code rsa} package never signs with
 * ({@code checkKeySize}: {@code rsa1024min}, on by default since Go 1.24): its numbers, for {@link CertifiedKey}'s
 * check and {@link ServerKey}'s choice of schemes.
 *
 * @param modulus n
 * @param publicExponent e
 * @param privateExponent d
 */
record InsecureRsaKey(BigInteger modulus, BigInteger publicExponent, BigInteger privateExponent)
    implements RSAPrivateKey {
  /** Go's smallest modulus it signs with, in bits. */
  static final int MIN_SIGNING_BITS = 1024;
  private static final long serialVersionUID = 1L;

  @Override
  public BigInteger getPrivateExponent() {
    return privateExponent;
  }

  @Override
  public BigInteger getModulus() {
    return modulus;
  }

  @Override
  public String getAlgorithm() {
    return "RSA";
  }

  /** None: the key is never encoded, signed with or handed to a provider. */
  @Override
  public String getFormat() {
    return null;
  }

  /** None, as {@link #getFormat}. */
  @Override
  public byte[] getEncoded() {
    return null;
  }
}
