package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;

/**
 * Whether Go takes an RSA private key the JDK's key factory read: the checks of {@code x509.ParsePKCS1PrivateKey}
 * (every number positive) and of the {@code rsa} package's validation of a key with its CRT values
 * ({@code checkPublicKey}, {@code checkPrivateKey}): an odd modulus, an odd exponent from 3 to 2^31 - 1, p and q
 * below the modulus with p * q a multiple of it, d below the modulus, the CRT exponents and coefficient below their
 * moduli and consistent with e and d, p and q apart by more than 2^(n/2 - 100), d over 2^(n/2). Go refuses the others
 * ({@code tls: failed to parse private key}); the JDK reads them.
 */
final class GoRsaKeys {
  private static final BigInteger MAX_EXPONENT = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final int CLOSE_PRIMES_MARGIN = 100;

  private GoRsaKeys() {}

  /** Whether Go takes {@code key} (a key of another algorithm is not this class's to judge: taken). */
  static boolean valid(PrivateKey key) {
    if (!key.getAlgorithm().equals("RSA")) {
      return true;
    }
    return key instanceof RSAPrivateCrtKey crt && positive(crt) && publicKey(crt) && numbers(crt);
  }

  private static boolean positive(RSAPrivateCrtKey key) {
    for (BigInteger value : new BigInteger[] {key.getModulus(), key.getPrivateExponent(), key.getPrimeP(),
        key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(), key.getCrtCoefficient()}) {
      if (value.signum() <= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean publicKey(RSAPrivateCrtKey key) {
    BigInteger e = key.getPublicExponent();
    return key.getModulus().testBit(0) && e.testBit(0) && e.compareTo(THREE) >= 0 && e.compareTo(MAX_EXPONENT) <= 0;
  }

  private static boolean numbers(RSAPrivateCrtKey key) {
    BigInteger n = key.getModulus();
    BigInteger e = key.getPublicExponent();
    BigInteger d = key.getPrivateExponent();
    BigInteger p = key.getPrimeP();
    BigInteger q = key.getPrimeQ();
    BigInteger pMinus1 = p.subtract(BigInteger.ONE);
    BigInteger qMinus1 = q.subtract(BigInteger.ONE);
    if (d.compareTo(n) >= 0 || key.getCrtCoefficient().compareTo(p) >= 0 || p.compareTo(n) >= 0
        || q.compareTo(n) >= 0 || p.multiply(q).mod(n).signum() != 0
        || pMinus1.compareTo(BigInteger.ONE) <= 0 || qMinus1.compareTo(BigInteger.ONE) <= 0) {
      return false;
    }
    return crtExponent(e, key.getPrimeExponentP(), pMinus1) && crtExponent(e, key.getPrimeExponentQ(), qMinus1)
        && q.mod(p).multiply(key.getCrtCoefficient()).mod(p).equals(BigInteger.ONE)
        && d.mod(pMinus1).equals(key.getPrimeExponentP()) && d.mod(qMinus1).equals(key.getPrimeExponentQ())
        && p.subtract(q).abs().bitLength() > n.bitLength() / 2 - CLOSE_PRIMES_MARGIN
        && d.bitLength() > n.bitLength() / 2;
  }

  /** A CRT exponent below its modulus (a prime less one) whose product with e is 1 modulo it. */
  private static boolean crtExponent(BigInteger e, BigInteger exponent, BigInteger modulus) {
    return exponent.compareTo(modulus) < 0 && e.multiply(exponent).mod(modulus).equals(BigInteger.ONE);
  }
}
