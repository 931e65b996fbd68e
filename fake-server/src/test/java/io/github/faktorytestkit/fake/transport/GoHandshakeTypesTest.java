package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GoHandshakeTypes}: whether Go's parsers take a first message of a type other than client hello (Go then
 * answers {@code unexpected_message}, else {@code decode_error}); each expectation is the answer of Go 1.26.8's
 * {@code crypto/tls} server, which real Faktory 1.9.4 is built with. TlsIT (conformance-tests) checks more against
 * real Faktory.
 */
class GoHandshakeTypesTest {
  private static final String VERSION_AND_RANDOM = "0303" + "00".repeat(32);

  /** A server hello: after its version and random, session id, suite, compression method, extensions. */
  @ParameterizedTest(name = "{2}")
  @CsvSource({
      "001301000010002b0002030400330006001d00024242, true, TLS 1.3 shape",
      "00130100000c002b0002030400330002001d, true, HelloRetryRequest shape",
      "00130100001bff0100010000170000000b00020100002300000000000000050000, true, TLS 1.2 shape",
      "00130100002b0010000500030268320012000500030001aa002c00030001aa002900020000fe0d0002010277770002abcd, true, "
          + "every other extension",
      "00130100, true, no extensions",
      "001301, false, truncated",
      "0013010000000000, false, a byte after the extensions",
      "0513010000, false, session id over the end",
      "0013010000087777000077770000, false, an unknown extension twice",
      "00130100000500050001ff, false, status_request not empty",
      "001301000006ff0100020000, false, renegotiation_info with a byte after",
      "00130100000c001000080006026832026833, false, two protocols",
      "0013010000080012000400020000, false, an empty timestamp",
      "001301000007002b0003030400, false, supported_versions of three bytes",
      "001301000006002c00020000, false, empty cookie",
      "00130100000700330003001d00, false, key share of three bytes",
      "00130100000a00330006001d0001aa00, false, key share with a byte after",
      "001301000005000b000100, false, empty supported points"})
  void serverHelloIsParsedAsOnGo(String afterRandom, boolean parses, String name) {
    String body = VERSION_AND_RANDOM + afterRandom;
    assertThat(GoHandshakeTypes.parses(HexFormat.of().parseHex(message("02", body)))).isEqualTo(parses);
  }

  /** Messages of the other types Go parses, from their type byte on. */
  @ParameterizedTest(name = "{2}")
  @CsvSource({
      "080000230021001000050003026832003900020102002a0000fe0d0001aa0000000077770001bb, true, encrypted extensions",
      "08000000, false, encrypted extensions without a vector",
      "08000003000000, false, encrypted extensions with a byte after",
      "0800000a0008002a0000002a0000, false, encrypted extensions with early_data twice",
      "080000070005002a000100, false, encrypted extensions with early_data not empty",
      "0800000e000c001000080006026832026833, false, encrypted extensions with two protocols",
      "0b00000d00000a000002aabb000002ccdd, true, certificate of two",
      "0b00000a000007000000000001aa, true, certificate empty then one",
      "0b000006000003000000, false, certificate empty last",
      "0b000004000000aa, false, certificate list shorter than the message",
      "0b000008000005000005aabb, false, certificate over the end",
      "0b00000d00000009000004aabbccdd0000, false, certificate of TLS 1.3",
      "0d00000c02014000070001aa0002bbcc, true, certificate request with two authorities",
      "0d000003000000, false, certificate request without types",
      "0d000003014000, false, certificate request with one byte after the types",
      "0d000007014000030005aa, false, certificate request with an authority over the end",
      "0d0000050140000000, false, certificate request with a byte after",
      "0d0000080140000204030000, false, certificate request of TLS 1.2",
      "0f0000050003aabbcc, true, certificate verify",
      "0f00000604030002aabb, false, certificate verify of TLS 1.2",
      "0f000003000000, false, certificate verify with a byte after",
      "0f000000, false, certificate verify empty",
      "14000000, true, finished",
      "fe000001aa, true, message hash (not parsed)"})
  void otherMessagesAreParsedAsOnGo(String message, boolean parses, String name) {
    assertThat(GoHandshakeTypes.parses(HexFormat.of().parseHex(message))).isEqualTo(parses);
  }

  private static String message(String type, String body) {
    return type + String.format("%06x", body.length() / 2) + body;
  }
}
