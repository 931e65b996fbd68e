package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.DerCursor.BitString;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * A certificate's public key read as Go's {@code parsePublicKey} reads it, for the algorithms Go's
 * {@code getPublicKeyAlgorithmFromOID} knows (RSA, ECDSA on P-224, P-256, P-384 or P-521, Ed25519, DSA), with Go's
 * messages; a key of another algorithm (X25519 among them) is not read, as by Go. Bytes after what Go reads are not
 * read either.
 */
final class GoPublicKeys {
  private static final int SEQUENCE = 0x30;
  private static final int[] RSA = {1, 2, 840, 113549, 1, 1, 1};
  private static final int[] DSA = {1, 2, 840, 10040, 4, 1};
  private static final int[] ECDSA = {1, 2, 840, 10045, 2, 1};
  private static final int[] ED25519 = {1, 3, 101, 112};
  private static final byte[] NULL = {0x05, 0x00};
  private static final int ED25519_SIZE = 32;
  private static final int UNCOMPRESSED = 4;
  private static final int MAX_INT64_BYTES = 8;
  /** Go's name of each curve (as in its messages) by its object identifier. */
  private static final Map<String, String> CURVES = Map.of(
      "1.3.132.0.33", "P224", "1.2.840.10045.3.1.7", "P256", "1.3.132.0.34", "P384", "1.3.132.0.35", "P521");

  private GoPublicKeys() {}

  /**
   * The key {@code key} of algorithm {@code algorithm} with {@code parameters} (the element, empty when absent);
   * throws Go's refusal.
   */
  static CertifiedKey read(int[] algorithm, byte[] parameters, BitString key) {
    byte[] data = key.rightAligned();
    if (Arrays.equals(algorithm, RSA)) {
      return rsa(parameters, data);
    }
    if (Arrays.equals(algorithm, ECDSA)) {
      return ecdsa(parameters, data);
    }
    if (Arrays.equals(algorithm, ED25519)) {
      return ed25519(parameters, data);
    }
    if (Arrays.equals(algorithm, DSA)) {
      dsa(parameters, data);
    }
    return CertifiedKey.UNUSABLE;
  }

  private static CertifiedKey rsa(byte[] parameters, byte[] data) {
    if (!Arrays.equals(parameters, NULL)) {
      throw KeyPairTexts.refusal(KeyPairTexts.RSA_PARAMETERS);
    }
    DerCursor key = DerCursor.of(data).read(SEQUENCE)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_RSA_KEY));
    BigInteger modulus = key.readInteger(Integer.MAX_VALUE)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_RSA_MODULUS));
    BigInteger exponent = key.readInteger(MAX_INT64_BYTES)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_RSA_EXPONENT));
    if (modulus.signum() <= 0) {
      throw KeyPairTexts.refusal(KeyPairTexts.RSA_MODULUS_NOT_POSITIVE);
    }
    if (exponent.signum() <= 0) {
      throw KeyPairTexts.refusal(KeyPairTexts.RSA_EXPONENT_NOT_POSITIVE);
    }
    return new CertifiedKey.Rsa(modulus, exponent);
  }

  private static CertifiedKey ecdsa(byte[] parameters, byte[] data) {
    int[] curveOid = DerCursor.of(parameters).readOid()
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_ECDSA_PARAMETERS));
    String curve = CURVES.get(GoCertificateExtensions.dotted(curveOid));
    if (curve == null) {
      throw KeyPairTexts.refusal(KeyPairTexts.UNSUPPORTED_CURVE);
    }
    if (data.length < 1 || data[0] != UNCOMPRESSED) {
      throw KeyPairTexts.refusal(KeyPairTexts.INVALID_UNCOMPRESSED_KEY);
    }
    return point(curve, data);
  }

  /** The uncompressed point {@code data} on {@code curve}, checked as Go's {@code nistec} {@code SetBytes} does. */
  private static CertifiedKey point(String curve, byte[] data) {
    String name = "P-" + curve.substring(1);
    X9ECParameters parameters = ECNamedCurveTable.getByName(name);
    BigInteger prime = parameters.getCurve().getField().getCharacteristic();
    int size = (prime.bitLength() + 7) / 8;
    if (data.length != 1 + 2 * size) {
      throw KeyPairTexts.refusal(KeyPairTexts.invalidPoint(curve));
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(data, 1, 1 + size));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(data, 1 + size, data.length));
    if (x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
      throw KeyPairTexts.refusal(KeyPairTexts.invalidElement(curve));
    }
    BigInteger a = parameters.getCurve().getA().toBigInteger();
    BigInteger b = parameters.getCurve().getB().toBigInteger();
    BigInteger right = x.pow(3).add(a.multiply(x)).add(b).mod(prime);
    if (!y.pow(2).mod(prime).equals(right)) {
      throw KeyPairTexts.refusal(KeyPairTexts.notOnCurve(curve));
    }
    return new CertifiedKey.Ecdsa(name, x, y);
  }

  private static CertifiedKey ed25519(byte[] parameters, byte[] data) {
    if (parameters.length != 0) {
      throw KeyPairTexts.refusal(KeyPairTexts.ED25519_PARAMETERS);
    }
    if (data.length != ED25519_SIZE) {
      throw KeyPairTexts.refusal(KeyPairTexts.ED25519_SIZE);
    }
    return new CertifiedKey.Ed25519(data);
  }

  /** A DSA key Go reads (and X509KeyPair then refuses): y, then the parameters p, q and g, all positive. */
  private static void dsa(byte[] parameters, byte[] data) {
    Optional<BigInteger> y = DerCursor.of(data).readInteger(Integer.MAX_VALUE);
    if (y.isEmpty()) {
      throw KeyPairTexts.refusal(KeyPairTexts.INVALID_DSA_KEY);
    }
    DerCursor pqg = DerCursor.of(parameters).read(SEQUENCE)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_DSA_PARAMETERS));
    BigInteger[] values = {y.get(), null, null, null};
    for (int i = 1; i < values.length; i++) {
      values[i] = pqg.readInteger(Integer.MAX_VALUE)
          .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_DSA_PARAMETERS));
    }
    if (Arrays.stream(values).anyMatch(v -> v.signum() <= 0)) {
      throw KeyPairTexts.refusal(KeyPairTexts.DSA_PARAMETER_NOT_POSITIVE);
    }
  }
}
