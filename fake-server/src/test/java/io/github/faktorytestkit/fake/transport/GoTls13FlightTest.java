package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the fake's reader of a client's TLS 1.3 flight ({@link GoTls13Flight}) refuses as Go does (alerts the
 * protocol seals), and what it passes on to BouncyCastle's protocol; TlsIT (conformance-tests) checks the same and
 * more against real Faktory.
 */
class GoTls13FlightTest {
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final String SEALED = "1703030035" + "ab".repeat(53);
  private static final ClientRecordOpener NOT_OPENED = (before, type, body) -> null;

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("17 change_cipher_spec records", CHANGE_CIPHER_SPEC.repeat(17), GoAlert.UNEXPECTED_MESSAGE),
        arguments("a change_cipher_spec of 2", "140303000102", GoAlert.DECODE_ERROR),
        arguments("a warning alert in the clear", "1503030002015a", GoAlert.BAD_RECORD_MAC),
        arguments("a handshake record in the clear", "160303000114", GoAlert.BAD_RECORD_MAC),
        arguments("application data shorter than a tag", "170303000f" + "00".repeat(15), GoAlert.BAD_RECORD_MAC),
        arguments("a record of TLS 1.0", "1703010001", GoAlert.PROTOCOL_VERSION),
        arguments("a record over 16,640 bytes", "1703034101", GoAlert.RECORD_OVERFLOW),
        arguments("a handshake record that does not open", SEALED.replaceFirst("^17", "16"), GoAlert.BAD_RECORD_MAC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void whatGoRefusesGetsGosAlertSealed(String name, String sent, int alert) {
    GoReadOutcome outcome = new GoTls13Flight(NOT_OPENED).read(HexFormat.of().parseHex(sent));
    assertThat(outcome.refused()).isFalse();
    assertThat(outcome.sealedAlert()).isEqualTo(alert);
  }

  @Test
  void theFirstSealedRecordAndWhatFollowsArePassedOn() {
    GoTls13Flight flight = new GoTls13Flight(NOT_OPENED);
    assertThat(flight.read(HexFormat.of().parseHex(CHANGE_CIPHER_SPEC + SEALED.substring(0, 20))).waiting())
        .isTrue();
    GoReadOutcome outcome = flight.read(HexFormat.of().parseHex(SEALED.substring(20) + "170303"));
    assertThat(HexFormat.of().formatHex(outcome.passOn())).isEqualTo(SEALED + "170303");
  }

  @Test
  void aRecordWithAHeaderOfAnotherTypeThatOpensIsUnexpected() {
    List<String> opened = new ArrayList<>();
    GoTls13Flight flight = new GoTls13Flight((before, type, body) -> {
      opened.add(type + ": " + before.length + " before, " + body.length + " sealed");
      return new byte[] {20, 0, 0, 0, 22};
    });
    GoReadOutcome outcome = flight.read(HexFormat.of().parseHex(CHANGE_CIPHER_SPEC + SEALED.replaceFirst("^17", "15")));
    assertThat(List.of(outcome.sealedAlert(), opened)).containsExactly(GoAlert.UNEXPECTED_MESSAGE,
        List.of("21: 0 before, 53 sealed"));
  }
}
