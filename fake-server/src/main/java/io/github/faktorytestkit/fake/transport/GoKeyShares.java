package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.KeyAgreement;

/**
 * Whether a client's key share is one Go's {@code ecdh} package takes ({@code NewPublicKey}, then {@code ECDH}): an
 * X25519 share of 32 bytes that is not of low order (Go refuses the all-zero secret), a NIST curve share as an
 * uncompressed point on the curve; a hybrid's share ({@code hybridKeyExchange}) of its length, its ECDH part as
 * that curve's share and its ML-KEM encapsulation key as {@code mlkem.NewEncapsulationKey} takes it (each 12-bit
 * coefficient below q).
 */
final class GoKeyShares {
  private static final int X25519_LENGTH = 32;
  private static final int P256_LENGTH = 65;
  private static final int P384_LENGTH = 97;
  private static final int MLKEM768_LENGTH = 1184;
  private static final int MLKEM1024_LENGTH = 1568;
  private static final int MLKEM_Q = 3329;
  /** The bytes of an encapsulation key after its coefficients: the seed. */
  private static final int MLKEM_SEED = 32;
  private static final int UNCOMPRESSED = 4;
  private static final Map<Integer, String> NIST_CURVES = Map.of(23, "secp256r1", 24, "secp384r1", 25, "secp521r1");

  private GoKeyShares() {}

  /** Whether Go's server takes {@code share} for {@code group}, one of Go's groups. */
  static boolean valid(int group, byte[] share) {
    return switch (group) {
      case GoNamedGroups.X25519 -> share.length == X25519_LENGTH && !lowOrder(share);
      case GoNamedGroups.X25519_MLKEM768 -> hybrid(share, MLKEM768_LENGTH, GoNamedGroups.X25519, X25519_LENGTH, false);
      case GoNamedGroups.SECP256R1_MLKEM768 -> hybrid(share, MLKEM768_LENGTH, GoNamedGroups.P256, P256_LENGTH, true);
      case GoNamedGroups.SECP384R1_MLKEM1024 ->
          hybrid(share, MLKEM1024_LENGTH, GoNamedGroups.P384, P384_LENGTH, true);
      default -> onCurve(curve(NIST_CURVES.get(group)), share);
    };
  }

  private static boolean hybrid(byte[] share, int mlkemLength, int curve, int curveLength, boolean curveFirst) {
    if (share.length != mlkemLength + curveLength) {
      return false;
    }
    int mlkemStart = curveFirst ? curveLength : 0;
    int curveStart = curveFirst ? 0 : mlkemLength;
    return valid(curve, Arrays.copyOfRange(share, curveStart, curveStart + curveLength))
        && encapsulationKey(Arrays.copyOfRange(share, mlkemStart, mlkemStart + mlkemLength));
  }

  /** Each pair of 12-bit coefficients in three bytes, little-endian, all below q. */
  private static boolean encapsulationKey(byte[] key) {
    for (int i = 0; i < key.length - MLKEM_SEED; i += 3) {
      int low = (key[i] & 0xff) | (key[i + 1] & 0x0f) << 8;
      int high = (key[i + 1] & 0xff) >> 4 | (key[i + 2] & 0xff) << 4;
      if (low >= MLKEM_Q || high >= MLKEM_Q) {
        return false;
      }
    }
    return true;
  }

  private static boolean lowOrder(byte[] share) {
    byte[] littleEndian = share.clone();
    littleEndian[X25519_LENGTH - 1] &= 0x7f;
    for (int i = 0; i < X25519_LENGTH / 2; i++) {
      byte swap = littleEndian[i];
      littleEndian[i] = littleEndian[X25519_LENGTH - 1 - i];
      littleEndian[X25519_LENGTH - 1 - i] = swap;
    }
    try {
      PublicKey peer = KeyFactory.getInstance("XDH")
          .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, littleEndian)));
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate());
      agreement.doPhase(peer, true);
      return Arrays.equals(agreement.generateSecret(), new byte[X25519_LENGTH]);
    } catch (GeneralSecurityException smallOrder) {
      return true;
    }
  }

  private static boolean onCurve(ECParameterSpec curve, byte[] share) {
    int size = (curve.getCurve().getField().getFieldSize() + 7) / 8;
    if (share.length != 1 + 2 * size || share[0] != UNCOMPRESSED) {
      return false;
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(share, 1, 1 + size));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(share, 1 + size, share.length));
    EllipticCurve ellipticCurve = curve.getCurve();
    BigInteger p = ((ECFieldFp) ellipticCurve.getField()).getP();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right = x.pow(3).add(ellipticCurve.getA().multiply(x)).add(ellipticCurve.getB()).mod(p);
    return y.pow(2).mod(p).equals(right);
  }

  private static ECParameterSpec curve(String name) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(name));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no curve " + name, e);
    }
  }
}
