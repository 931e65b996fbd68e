package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link GoNamedGroups#tls13Group}; TlsIT checks the same choices against real Faktory. */
class GoNamedGroupsTest {
  @ParameterizedTest(name = "groups {0}, shares {1}")
  @CsvSource({
      "001d11ec0017, 001d, 4588",
      "001711ec, 0017, 4588",
      "00180017, 0018, 24",
      "00180017, '', 23",
      "01000017001d, 0100, 29",
      "11ed11eb11ec, 11eb, 4587",
      "11ed11ec, '', 4588",
      "0100, 0100, 0"})
  void goPicksAHybridThenAShareThenItsOrder(String groups, String shares, int group) {
    ClientHelloMessage hello = ClientHelloMessage.parse(HexFormat.of().parseHex(hello(groups, shares))).orElseThrow();

    assertThat(GoNamedGroups.tls13Group(hello).orElse(0)).isEqualTo(group);
  }

  /** A TLS 1.3 hello listing {@code groups} (hex), with a one-byte key share for each of {@code shared} (hex). */
  private static String hello(String groups, String shared) {
    StringBuilder shares = new StringBuilder();
    for (int i = 0; i < shared.length(); i += 4) {
      shares.append(shared, i, i + 4).append("000142");
    }
    String extensions = extension(43, "020304") + extension(10, u16(groups) + groups)
        + extension(51, u16(shares.toString()) + shares);
    String body = "0303" + "00".repeat(32) + "00" + "00021301" + "0100" + u16(extensions) + extensions;
    return "0100" + u16(body) + body;
  }

  private static String extension(int type, String data) {
    return String.format("%04x", type) + u16(data) + data;
  }

  private static String u16(String hex) {
    return String.format("%04x", hex.length() / 2);
  }
}
