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
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
    byte[] share = new byte[65];
    share[0] = 4;
    copy(key.getW().getAffineX(), share, 1);
    copy(key.getW().getAffineY(), share, 33);

    assertThat(GoKeyShares.valid(23, share)).isTrue();
  }

  private static void copy(BigInteger coordinate, byte[] into, int offset) {
    byte[] bytes = coordinate.toByteArray();
    byte[] fixed = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - 32), bytes.length);
    System.arraycopy(fixed, 0, into, offset + 32 - fixed.length, fixed.length);
  }
}
