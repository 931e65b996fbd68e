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
 * uncompressed point on the curve. An {@code X25519MLKEM768} share is only checked for its length.
 */
final class GoKeyShares {
  private static final int X25519 = 29;
  private static final int X25519_LENGTH = 32;
  private static final int X25519_MLKEM768 = 4588;
  private static final int X25519_MLKEM768_LENGTH = 1184 + 32;
  private static final int UNCOMPRESSED = 4;
  private static final Map<Integer, String> NIST_CURVES = Map.of(23, "secp256r1", 24, "secp384r1", 25, "secp521r1");

  private GoKeyShares() {}

  /** Whether Go's server takes {@code share} for {@code group}, one of Go's groups. */
  static boolean valid(int group, byte[] share) {
    if (group == X25519) {
      return share.length == X25519_LENGTH && !lowOrder(share);
    }
    if (group == X25519_MLKEM768) {
      return share.length == X25519_MLKEM768_LENGTH;
    }
    return onCurve(curve(NIST_CURVES.get(group)), share);
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
