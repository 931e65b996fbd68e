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
 * What the fake's reader of a client's TLS 1.2 flight ({@link GoTls12Flight}) refuses as Go does, and what it passes
 * on to BouncyCastle's protocol; TlsIT (conformance-tests) checks the same and more against real Faktory.
 */
class GoTls12FlightTest {
  private static final String KEY_EXCHANGE = "1603030025" + "10000021" + "20" + "09".repeat(32);
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final String SEALED = "1603030028" + "ab".repeat(40);
  private static final int AES_GCM = 0xc02b;
  private static final ClientRecordOpener NOT_OPENED = (before, type, body) -> null;

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("a point of 31 bytes", "160303002410000020" + "1f" + "09".repeat(31), "1503030002022f"),
        arguments("a point of low order", "1603030025" + "10000021" + "20" + "00".repeat(32), "1503030002022f"),
        arguments("change_cipher_spec first", CHANGE_CIPHER_SPEC, "1503030002020a"),
        arguments("a change_cipher_spec of 2", KEY_EXCHANGE + "140303000102", "15030300020232"),
        arguments("a certificate verify without its algorithm", "1603030008" + "0f000004" + "0002aabb",
            "15030300020232"),
        arguments("a certificate verify of TLS 1.2", "160303000a" + "0f000006" + "04030002aabb", "1503030002020a"),
        arguments("close_notify", "15030300020100", ""),
        arguments("an alert of level 3", "15030300020328", "1503030002020a"),
        arguments("17 warning alerts", "1503030002015a".repeat(17), "1503030002020a"),
        arguments("a handshake record after the key exchange", KEY_EXCHANGE + "160303000100", "1503030002020a"),
        arguments("a sealed record of an unknown type", KEY_EXCHANGE + CHANGE_CIPHER_SPEC + SEALED.replaceFirst(
            "^16", "19"), "15030300020214"),
        arguments("a sealed record without room for its nonce and tag", KEY_EXCHANGE + CHANGE_CIPHER_SPEC
            + "1603030017" + "ab".repeat(23), "15030300020214"),
        arguments("a record of TLS 1.0", "1603010001", "15030300020246"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void whatGoRefusesGetsGosAlert(String name, String sent, String alert) {
    GoReadOutcome outcome = full(NOT_OPENED).read(HexFormat.of().parseHex(sent));
    assertThat(outcome.refused()).isTrue();
    assertThat(HexFormat.of().formatHex(outcome.refusal())).isEqualTo(alert);
  }

  @Test
  void theFlightIsPassedOnOnceItsFirstSealedRecordCame() {
    GoTls12Flight flight = full(NOT_OPENED);
    String sent = "1503030002015a" + KEY_EXCHANGE + "1503030002015a" + CHANGE_CIPHER_SPEC + SEALED + "17030300";
    int cut = sent.length() - 20;
    assertThat(flight.read(HexFormat.of().parseHex(sent.substring(0, cut))).waiting()).isTrue();
    GoReadOutcome outcome = flight.read(HexFormat.of().parseHex(sent.substring(cut)));
    assertThat(HexFormat.of().formatHex(outcome.passOn()))
        .isEqualTo(KEY_EXCHANGE + CHANGE_CIPHER_SPEC + SEALED + "17030300");
  }

  static Stream<Arguments> opened() {
    return Stream.of(
        arguments("a record of type 25", 25, "1400000c" + "42".repeat(12), GoAlert.UNEXPECTED_MESSAGE),
        arguments("a change_cipher_spec", 20, "01", GoAlert.UNEXPECTED_MESSAGE),
        arguments("a change_cipher_spec of 2", 20, "02", GoAlert.DECODE_ERROR),
        arguments("a record of type 0 over 16,384 bytes", 0, "00".repeat(16385), GoAlert.RECORD_OVERFLOW));
  }

  /** What a sealed record of a type BouncyCastle refuses unopened holds, opened with the client's keys. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("opened")
  void aSealedRecordOfAnotherTypeIsAnsweredByWhatItHolds(String name, int type, String plaintext, int alert) {
    List<String> before = new ArrayList<>();
    GoTls12Flight flight = full((keys, sealedType, body) -> {
      before.add(HexFormat.of().formatHex(keys));
      return sealedType == type ? HexFormat.of().parseHex(plaintext) : null;
    });
    GoReadOutcome outcome = flight.read(HexFormat.of().parseHex(KEY_EXCHANGE + CHANGE_CIPHER_SPEC
        + SEALED.replaceFirst("^16", String.format("%02x", type))));
    assertThat(List.of(HexFormat.of().formatHex(outcome.refusal()), before)).containsExactly(
        HexFormat.of().formatHex(GoAlert.fatal(0x0303, alert)), List.of(KEY_EXCHANGE + CHANGE_CIPHER_SPEC));
  }

  static Stream<Arguments> refusedInAResumption() {
    return Stream.of(
        arguments("a handshake record first", SEALED, GoAlert.UNEXPECTED_MESSAGE),
        arguments("a change_cipher_spec of 2", "140303000102", GoAlert.DECODE_ERROR),
        arguments("17 warning alerts", "1503030002015a".repeat(17), GoAlert.UNEXPECTED_MESSAGE),
        arguments("a handshake record of 16,385 bytes", "1603034001" + "00".repeat(16385), GoAlert.RECORD_OVERFLOW),
        arguments("a sealed record of an unknown type", CHANGE_CIPHER_SPEC + SEALED.replaceFirst("^16", "19"),
            GoAlert.BAD_RECORD_MAC));
  }

  /** After the server's Finished of a resumption, Go's alerts are sealed with the server's keys. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedInAResumption")
  void whatGoRefusesInAResumptionGetsGosAlertSealed(String name, String sent, int alert) {
    GoReadOutcome outcome = GoTls12Flight.resumed(AES_GCM, NOT_OPENED).read(HexFormat.of().parseHex(sent));
    assertThat(List.of(outcome.refused(), outcome.sealedAlert())).containsExactly(false, alert);
  }

  @Test
  void aResumptionsFlightIsPassedOnOnceItsFirstSealedRecordCame() {
    GoTls12Flight flight = GoTls12Flight.resumed(AES_GCM, NOT_OPENED);
    GoReadOutcome outcome = flight.read(HexFormat.of().parseHex("1503030002015a" + CHANGE_CIPHER_SPEC + SEALED));
    assertThat(HexFormat.of().formatHex(outcome.passOn())).isEqualTo(CHANGE_CIPHER_SPEC + SEALED);
  }

  private static GoTls12Flight full(ClientRecordOpener opener) {
    return GoTls12Flight.full(GoNamedGroups.X25519, AES_GCM, opener);
  }

  /**
   * The lengths Go refuses unopened, by suite and length: AES-GCM under its nonce and tag, ChaCha20-Poly1305 under its
   * tag, AES-CBC with HMAC-SHA1 not whole blocks or under its IV and two blocks.
   */
  @Test
  void sealedLengthsAreRefusedAsGoRefusesThem() {
    int[][] suitesAndLengths = {{AES_GCM, 23}, {AES_GCM, 24}, {0xcca9, 15}, {0xcca9, 16}, {0xc013, 32}, {0xc013, 47},
        {0xc013, 48}, {0xc00a, 49}, {0xc00a, 64}};
    List<Boolean> refused = new ArrayList<>();
    for (int[] each : suitesAndLengths) {
      refused.add(GoTls12Flight.refusesLength(each[0], each[1]));
    }
    assertThat(refused).containsExactly(true, false, true, false, true, true, false, true, false);
  }
}
