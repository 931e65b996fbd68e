package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.GoAsn1Struct.Unreadable;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * A private key read as Go's {@code tls} {@code parsePrivateKey} reads it: PKCS#1 ({@code x509.ParsePKCS1PrivateKey},
 * the numbers checked as Go's {@code rsa} package checks them: {@link GoRsaKeys}), else PKCS#8
 * ({@code ParsePKCS8PrivateKey}: RSA, EC, Ed25519; X25519 refused as of an unknown type), else SEC1
 * ({@code ParseECPrivateKey}: P-224, P-256, P-384 or P-521, a scalar from 1 to the order less one), each structure
 * read as Go's {@code encoding/asn1} reads it ({@link GoAsn1Struct}); the key Go reads made a JDK key, or for a
 * PKCS#1 key of more than two primes, which the JDK cannot make, one that signs as Go's does ({@link MultiPrimeRsaKey}),
 * or for an RSA key of fewer than 1024 bits, which Go never signs with, its numbers alone ({@link InsecureRsaKey}).
 */
final class GoPrivateKeys {
  private static final int[] RSA = {1, 2, 840, 113549, 1, 1, 1};
  private static final int[] EC = {1, 2, 840, 10045, 2, 1};
  private static final int[] ED25519 = {1, 3, 101, 112};
  private static final int[] X25519 = {1, 3, 101, 110};
  private static final int CURVE_KEY_SIZE = 32;
  /** The JDK's name of each curve Go reads, by its object identifier. */
  private static final Map<String, String> CURVES = Map.of("1.3.132.0.33", "secp224r1",
      "1.2.840.10045.3.1.7", "secp256r1", "1.3.132.0.34", "secp384r1", "1.3.132.0.35", "secp521r1");
  private static final Map<String, String> BOUNCY_CASTLE_NAMES = Map.of("secp224r1", "P-224", "secp256r1", "P-256",
      "secp384r1", "P-384", "secp521r1", "P-521");

  /** A PKCS#8 key of a type {@code tls.X509KeyPair} does not take (X25519). */
  private static final class UnknownType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownType() {
      super(null, null, false, false);
    }
  }

  private GoPrivateKeys() {}

  /** The key; throws Go's refusal. */
  static PrivateKey parse(byte[] der) {
    try {
      return attempt(() -> pkcs1(der)).or(() -> attempt(() -> pkcs8(der))).or(() -> attempt(() -> sec1(null, der)))
          .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.UNPARSABLE_KEY));
    } catch (UnknownType e) {
      throw KeyPairTexts.refusal(KeyPairTexts.UNKNOWN_PKCS8_KEY);
    }
  }

  private static Optional<PrivateKey> attempt(Supplier<PrivateKey> parser) {
    try {
      return Optional.of(parser.get());
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  private static PrivateKey pkcs1(byte[] der) {
    GoAsn1Struct key = GoAsn1Struct.whole(der);
    long version = key.int64();
    BigInteger n = key.bigInteger();
    BigInteger e = BigInteger.valueOf(key.int64());
    BigInteger d = key.bigInteger();
    BigInteger p = key.bigInteger();
    BigInteger q = key.bigInteger();
    Optional<BigInteger> dP = key.optionalBigInteger();
    Optional<BigInteger> dQ = key.optionalBigInteger();
    Optional<BigInteger> qInv = key.optionalBigInteger();
    List<BigInteger> otherPrimes = key.optionalStructures().stream().map(GoPrivateKeys::otherPrime).toList();
    boolean positive = Stream.of(n, d, p, q).allMatch(v -> v.signum() > 0)
        && Stream.of(dP, dQ, qInv).allMatch(v -> v.map(x -> x.signum() > 0).orElse(true))
        && otherPrimes.stream().allMatch(prime -> prime.signum() > 0);
    if (version > 1 || !positive) {
      throw new Unreadable();
    }
    if (!otherPrimes.isEmpty()) {
      return multiPrime(n, e, d, Stream.concat(Stream.of(p, q), otherPrimes.stream()).toList());
    }
    Optional<GoRsaKeys.Numbers> numbers = dP.isPresent() && dQ.isPresent() && qInv.isPresent()
        ? Optional.of(new GoRsaKeys.Numbers(n, e, d, p, q, dP.get(), dQ.get(), qInv.get()))
        : GoRsaKeys.withCrtValues(n, e, d, p, q);
    GoRsaKeys.Numbers valid = numbers.filter(GoRsaKeys::valid).orElseThrow(Unreadable::new);
    if (insecure(n)) {
      return new InsecureRsaKey(n, e, d);
    }
    return jdkKey("RSA", new RSAPrivateCrtKeySpec(valid.n(), valid.e(), valid.d(), valid.p(), valid.q(), valid.dP(),
        valid.dQ(), valid.qInv()));
  }

  /** An element of {@code otherPrimeInfos}: its prime; its exponent and coefficient read, then ignored, as Go does. */
  private static BigInteger otherPrime(GoAsn1Struct info) {
    BigInteger prime = info.bigInteger();
    info.bigInteger();
    info.bigInteger();
    return prime;
  }

  /** A key of more than two primes, which Go signs with by d alone ({@link MultiPrimeRsaKey}). */
  private static PrivateKey multiPrime(BigInteger n, BigInteger e, BigInteger d, List<BigInteger> primes) {
    if (!GoRsaKeys.validMultiPrime(n, e, d, primes)) {
      throw new Unreadable();
    }
    if (insecure(n)) {
      return new InsecureRsaKey(n, e, d);
    }
    return new MultiPrimeRsaKey((RSAPrivateKey) jdkKey("RSA", new RSAPrivateKeySpec(n, d)), e);
  }

  /** Whether Go reads a key of modulus {@code n} but never signs with it ({@link InsecureRsaKey}). */
  private static boolean insecure(BigInteger n) {
    return n.bitLength() < InsecureRsaKey.MIN_SIGNING_BITS;
  }

  private static PrivateKey pkcs8(byte[] der) {
    GoAsn1Struct key = GoAsn1Struct.of(der);
    key.int64();
    GoAsn1Struct algorithm = key.structure();
    int[] oid = algorithm.objectIdentifier();
    byte[] parameters = algorithm.optionalAny();
    byte[] inner = key.octets();
    if (Arrays.equals(oid, RSA)) {
      return pkcs1(inner);
    }
    if (Arrays.equals(oid, EC)) {
      return sec1(GoAsn1Struct.objectIdentifier(parameters).orElse(null), inner);
    }
    boolean ed25519 = Arrays.equals(oid, ED25519);
    if (!ed25519 && !Arrays.equals(oid, X25519) || parameters.length != 0) {
      throw new Unreadable();
    }
    byte[] seed = GoAsn1Struct.octetString(inner);
    if (seed.length != CURVE_KEY_SIZE) {
      throw new Unreadable();
    }
    if (!ed25519) {
      throw new UnknownType();
    }
    return jdkKey("Ed25519", new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
  }

  /** SEC1, of the curve {@code curve} names when not null (PKCS#8's), else of the key's own. */
  private static PrivateKey sec1(int[] curve, byte[] der) {
    GoAsn1Struct key = GoAsn1Struct.of(der);
    long version = key.int64();
    byte[] scalar = key.octets();
    Optional<int[]> own = key.optionalExplicitObjectIdentifier(0);
    key.optionalExplicitBitString(1);
    int[] named = curve != null ? curve : own.orElse(new int[0]);
    String name = CURVES.get(GoCertificateExtensions.dotted(named));
    if (version != 1 || name == null) {
      throw new Unreadable();
    }
    BigInteger order = ECNamedCurveTable.getByName(BOUNCY_CASTLE_NAMES.get(name)).getN();
    BigInteger s = new BigInteger(1, sized(scalar, (order.bitLength() + 7) / 8));
    if (s.signum() == 0 || s.compareTo(order) >= 0) {
      throw new Unreadable();
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(name));
      return jdkKey("EC", new ECPrivateKeySpec(s, parameters.getParameterSpec(ECParameterSpec.class)));
    } catch (GeneralSecurityException e) {
      throw KeyPairTexts.refusal(KeyPairTexts.UNPARSABLE_KEY);
    }
  }

  /** The scalar in {@code size} bytes: leading zeros dropped (any other byte refused) or added, as Go does. */
  private static byte[] sized(byte[] scalar, int size) {
    int start = 0;
    while (scalar.length - start > size) {
      if (scalar[start++] != 0) {
        throw new Unreadable();
      }
    }
    byte[] sized = new byte[size];
    System.arraycopy(scalar, start, sized, size - (scalar.length - start), scalar.length - start);
    return sized;
  }

  /** The JDK's key for what Go read; refused with Go's text when the JDK cannot make it. */
  private static PrivateKey jdkKey(String algorithm, KeySpec spec) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(spec);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw KeyPairTexts.refusal(KeyPairTexts.UNPARSABLE_KEY);
    }
  }
}
