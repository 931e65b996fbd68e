package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link GoKeyShares}; TlsIT checks the same refusals against real Faktory. */
class GoKeySharesTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "29, 4242424242424242424242424242424242424242424242424242424242424242, true",
      "29, 0000000000000000000000000000000000000000000000000000000000000000, false",
      "29, 0100000000000000000000000000000000000000000000000000000000000000, false",
      "29, 42424242424242424242424242424242424242424242424242424242424242, false",
      "23, 02424242424242424242424242424242424242424242424242424242424242424242424242424242424242424242424242424242"
          + "424242424242424242424242, false",
      "23, 04424242424242424242424242424242424242424242424242424242424242424242424242424242424242424242424242424242"
          + "424242424242424242424242, false"})
  void sharesAreTakenAsGoTakesThem(int group, String share, boolean valid) {
    assertThat(GoKeyShares.valid(group, HexFormat.of().parseHex(share))).isEqualTo(valid);
  }

  @Test
  void aP256PointIsTaken() throws Exception {
    assertThat(GoKeyShares.valid(23, point("secp256r1", 32))).isTrue();
  }

  /**
   * A hybrid's share: its length, its ECDH part (X25519 after the ML-KEM key, a P-256 point before it) and each
   * 12-bit coefficient of its ML-KEM key below q = 3329 (3328 is taken, 3329 is not).
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "4588, fine, true", "4588, short, false", "4588, coefficient q, false", "4588, X25519 of low order, false",
      "4587, fine, true", "4587, coefficient q, false", "4587, P-256 off the curve, false",
      "4589, fine, true", "4589, coefficient q, false"})
  void hybridSharesAreTakenAsGoTakesThem(int group, String what, boolean valid) throws Exception {
    byte[] mlkem = new byte[group == 4589 ? 1568 : 1184];
    // two coefficients in three bytes, little-endian: 0xd00 (3328) and 0xd00, or 0xd01 (3329) first
    mlkem[0] = (byte) (what.equals("coefficient q") ? 0x01 : 0x00);
    mlkem[1] = 0x0d;
    mlkem[2] = (byte) 0xd0;
    byte[] curve = switch (group) {
      case 4588 -> HexFormat.of().parseHex(what.equals("X25519 of low order") ? "01" + "00".repeat(31)
          : "42".repeat(32));
      case 4587 -> what.equals("P-256 off the curve") ? offCurve(65) : point("secp256r1", 32);
      default -> point("secp384r1", 48);
    };
    byte[] share = group == 4588 ? concat(mlkem, curve) : concat(curve, mlkem);
    if (what.equals("short")) {
      share = Arrays.copyOf(share, share.length - 1);
    }

    assertThat(GoKeyShares.valid(group, share)).isEqualTo(valid);
  }

  private static byte[] point(String curve, int size) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
    byte[] share = new byte[1 + 2 * size];
    share[0] = 4;
    copy(key.getW().getAffineX(), share, 1, size);
    copy(key.getW().getAffineY(), share, 1 + size, size);
    return share;
  }

  private static byte[] offCurve(int length) {
    byte[] share = new byte[length];
    Arrays.fill(share, (byte) 0x42);
    share[0] = 4;
    return share;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  private static void copy(BigInteger coordinate, byte[] into, int offset, int size) {
    byte[] bytes = coordinate.toByteArray();
    byte[] fixed = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - size), bytes.length);
    System.arraycopy(fixed, 0, into, offset + size - fixed.length, fixed.length);
  }
}
