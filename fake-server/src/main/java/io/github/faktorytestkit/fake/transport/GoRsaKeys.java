package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Whether Go's {@code rsa} package takes the numbers of an RSA private key with its CRT values
 * ({@code checkPublicKey}, {@code checkPrivateKey}): an odd modulus, an odd exponent from 3 to 2^31 - 1, p and q
 * below the modulus with p * q a multiple of it, d below the modulus, the CRT exponents and coefficient below their
 * moduli and consistent with e and d, p and q apart by more than 2^(n/2 - 100), d over 2^(n/2); and the CRT values
 * Go computes for a key without them ({@code newPrivateKey}: p must then be odd). A key of more than two primes is
 * checked far less ({@code precomputeLegacy}: {@link #validMultiPrime}).
 */
final class GoRsaKeys {
  private static final BigInteger MAX_EXPONENT = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger ONE = BigInteger.ONE;
  private static final int CLOSE_PRIMES_MARGIN = 100;

  /** The numbers of a key: the modulus, the exponents, the primes, the CRT exponents and coefficient. */
  record Numbers(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q, BigInteger dP, BigInteger dQ,
      BigInteger qInv) {}

  private GoRsaKeys() {}

  /** The numbers with the CRT values Go computes for them ({@code newPrivateKey}), if Go can. */
  static Optional<Numbers> withCrtValues(BigInteger n, BigInteger e, BigInteger d, BigInteger p,
      BigInteger q) {
    if (p.compareTo(TWO) <= 0 || q.compareTo(TWO) <= 0 || !p.testBit(0) || d.compareTo(n) >= 0) {
      return Optional.empty();
    }
    BigInteger qInv = q.mod(p).modPow(p.subtract(TWO), p);
    return Optional.of(new Numbers(n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)),
        d.mod(q.subtract(BigInteger.ONE)), qInv));
  }

  /** Whether Go takes the numbers. */
  static boolean valid(Numbers key) {
    return publicKey(key.n(), key.e()) && numbers(key);
  }

  /**
   * Whether Go takes the numbers of a key of more than two primes ({@code NewPrivateKeyWithoutCRT},
   * {@code precomputeLegacy}): an odd modulus, an odd exponent from 3 to 2^31 - 1, d below the modulus, primes over 1,
   * each coprime with the product of those before it. Neither the primes' product nor d's consistency with e is
   * checked: Go signs with d alone (and checks each signature it makes).
   */
  static boolean validMultiPrime(BigInteger n, BigInteger e, BigInteger d, List<BigInteger> primes) {
    if (!publicKey(n, e) || d.compareTo(n) >= 0 || primes.stream().anyMatch(prime -> prime.compareTo(ONE) <= 0)) {
      return false;
    }
    BigInteger product = primes.get(0);
    for (BigInteger prime : primes.subList(1, primes.size())) {
      if (!product.gcd(prime).equals(ONE)) {
        return false;
      }
      product = product.multiply(prime);
    }
    return true;
  }

  /** {@code checkPublicKey}: an odd modulus, an odd exponent from 3 to 2^31 - 1. */
  private static boolean publicKey(BigInteger n, BigInteger e) {
    return n.testBit(0) && e.testBit(0) && e.compareTo(THREE) >= 0 && e.compareTo(MAX_EXPONENT) <= 0;
  }

  private static boolean numbers(Numbers key) {
    BigInteger n = key.n();
    BigInteger d = key.d();
    BigInteger p = key.p();
    BigInteger q = key.q();
    BigInteger pMinus1 = p.subtract(BigInteger.ONE);
    BigInteger qMinus1 = q.subtract(BigInteger.ONE);
    if (d.compareTo(n) >= 0 || key.qInv().compareTo(p) >= 0 || p.compareTo(n) >= 0
        || q.compareTo(n) >= 0 || p.multiply(q).mod(n).signum() != 0
        || pMinus1.compareTo(BigInteger.ONE) <= 0 || qMinus1.compareTo(BigInteger.ONE) <= 0) {
      return false;
    }
    return crtExponent(key.e(), key.dP(), pMinus1) && crtExponent(key.e(), key.dQ(), qMinus1)
        && q.mod(p).multiply(key.qInv()).mod(p).equals(BigInteger.ONE)
        && d.mod(pMinus1).equals(key.dP()) && d.mod(qMinus1).equals(key.dQ())
        && p.subtract(q).abs().bitLength() > n.bitLength() / 2 - CLOSE_PRIMES_MARGIN
        && d.bitLength() > n.bitLength() / 2;
  }

  /** A CRT exponent below its modulus (a prime less one) whose product with e is 1 modulo it. */
  private static boolean crtExponent(BigInteger e, BigInteger exponent, BigInteger modulus) {
    return exponent.compareTo(modulus) < 0 && e.multiply(exponent).mod(modulus).equals(BigInteger.ONE);
  }
}
