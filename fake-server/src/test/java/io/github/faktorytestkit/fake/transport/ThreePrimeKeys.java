package io.github.faktorytestkit.fake.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The three-prime key of {@code keys/rsa3-pkcs1.key.pem} with one change, re-encoded in DER; each change is one the
 * test tool made to the same key for Go's answer (its numbers: version, n, e, d, p, q, d mod p-1, d mod q-1, the CRT
 * coefficient, then {@code otherPrimeInfos}: the third prime, its exponent and coefficient).
 */
final class ThreePrimeKeys {
  private ThreePrimeKeys() {}

  /** The key's PKCS#1 PEM with {@code change} made. */
  static String changed(String change) {
    ASN1Encodable[] key = ASN1Sequence.getInstance(PemBlocks.of(TestKeys.pem("rsa3-pkcs1.key.pem")).get(0).der())
        .toArray();
    ASN1Encodable[] third = ((ASN1Sequence) ((ASN1Sequence) key[9]).getObjectAt(0)).toArray();
    ASN1Encodable others = null;
    switch (change) {
      case "as made" -> { }
      case "d + 2" -> key[3] = plusTwo(key[3]);
      case "the third prime + 2" -> third[0] = plusTwo(third[0]);
      case "a fourth prime, 3" -> others = new DERSequence(new ASN1Encodable[] {new DERSequence(third),
          new DERSequence(new ASN1Encodable[] {integer(3), integer(1), integer(1)})});
      case "version 0" -> key[0] = integer(0);
      case "the CRT values + 2" -> {
        key[6] = plusTwo(key[6]);
        key[8] = plusTwo(key[8]);
      }
      case "the third exponent -1" -> third[1] = integer(-1);
      case "the third prime p" -> third[0] = key[4];
      case "q = p" -> key[5] = key[4];
      case "the third prime 1" -> third[0] = integer(1);
      case "d = n" -> key[3] = key[1];
      case "the third prime twice" -> others = new DERSequence(new ASN1Encodable[] {new DERSequence(third),
          new DERSequence(third)});
      case "an integer for the other primes" -> others = new DERSequence(integer(3));
      default -> throw new IllegalArgumentException(change);
    }
    key[9] = others != null ? others : new DERSequence(new DERSequence(third));
    try {
      return TestKeys.pkcs1Pem(new DERSequence(key).getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ASN1Integer plusTwo(ASN1Encodable number) {
    return new ASN1Integer(((ASN1Integer) number).getValue().add(BigInteger.TWO));
  }

  private static ASN1Integer integer(long value) {
    return new ASN1Integer(value);
  }
}
