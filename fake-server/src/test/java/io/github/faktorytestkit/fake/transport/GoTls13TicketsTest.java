package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GoTls13TicketsTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  private static final int AES_128 = 0x1301;
  private static final int AES_256 = 0x1302;
  private static final int CHACHA20 = 0x1303;

  private final SessionTickets keys = SessionTickets.random();
  private final GoTls13Tickets tickets = new GoTls13Tickets(keys);

  @Test
  void aNewSessionTicketIsGos() {
    byte[] psk = filled(32, 9);
    byte[] message = tickets.newSessionTicket(AES_128, psk, NOW);

    // type, length, a lifetime of 7 days, the age add (random), an empty nonce, the ticket, no extensions
    assertThat(HexFormat.of().formatHex(message, 0, 8)).isEqualTo("0400007600093a80");
    assertThat(message).hasSize(4 + 0x76);
    assertThat(HexFormat.of().formatHex(message, 12, 15)).isEqualTo("000069");
    assertThat(HexFormat.of().formatHex(message, message.length - 2, message.length)).isEqualTo("0000");
    TicketState state = keys.open(Arrays.copyOfRange(message, 15, 15 + 105)).orElseThrow();
    assertThat(state.version()).isEqualTo(TicketState.TLS13);
    assertThat(state.cipherSuite()).isEqualTo(AES_128);
    assertThat(state.createdAt()).isEqualTo(NOW.getEpochSecond());
    assertThat(state.secret()).isEqualTo(psk);
  }

  @Test
  void theFirstOfFiveIdentitiesWhoseTicketGoTakesIsResumed() {
    byte[] sameHash = keys.seal(TicketState.tls13(CHACHA20, NOW.getEpochSecond(), filled(32, 1)));
    String[] notTaken = notTaken();

    GoTls13Tickets.Resumable resumed = tickets.resumable(hello(concat(notTaken, sameHash)), AES_128, NOW)
        .orElseThrow();

    assertThat(resumed.index()).isEqualTo(4);
    assertThat(resumed.state().secret()).isEqualTo(filled(32, 1));
    assertThat(tickets.resumable(hello(concat(notTaken, keys.seal(TicketState.tls13(CHACHA20, 0, filled(32, 1))))),
        AES_128, NOW)).isEmpty();
  }

  @Test
  void aSixthIdentityIsNotLookedAt() {
    byte[] good = keys.seal(TicketState.tls13(AES_128, NOW.getEpochSecond(), filled(32, 1)));
    String[] identities = Stream.concat(Arrays.stream(notTaken()), Stream.of(hex(good), hex(good)))
        .toArray(String[]::new);
    identities[4] = hex(filled(40, 3));

    assertThat(tickets.resumable(hello(identities), AES_128, NOW)).isEmpty();
  }

  /** A TLS 1.2 session's ticket, a stale one, one of another hash than SHA-256's, another server's. */
  private String[] notTaken() {
    long now = NOW.getEpochSecond();
    return Stream.of(keys.seal(TicketState.tls12(0xc02b, now, filled(48, 2), true, 29)),
        keys.seal(TicketState.tls13(AES_128, now - TicketState.MAX_LIFETIME.toSeconds() - 1, filled(32, 3))),
        keys.seal(TicketState.tls13(AES_256, now, filled(48, 4))),
        SessionTickets.random().seal(TicketState.tls13(AES_128, now, filled(32, 5))))
        .map(GoTls13TicketsTest::hex).toArray(String[]::new);
  }

  private static String[] concat(String[] identities, byte[] last) {
    return Stream.concat(Arrays.stream(identities), Stream.of(hex(last))).toArray(String[]::new);
  }

  @Test
  void aHelloWithATicketGoTakesNeedsNoSignatureAlgorithms() {
    TlsCredentials credentials = TestKeys.ec();
    GoHelloChecks checks = new GoHelloChecks(credentials.serverKey(), credentials.tls13Tickets());
    byte[] ticketMessage = credentials.tls13Tickets().newSessionTicket(AES_128, filled(32, 1), Instant.now());
    String ticket = hex(Arrays.copyOfRange(ticketMessage, 15, ticketMessage.length - 2));

    assertThat(checks.judge(message(ticket), false).refused()).isFalse();
    assertThat(HexFormat.of().formatHex(checks.judge(message(hex(filled(105, 7))), false).alert()))
        .isEqualTo("1503030002026d"); // no ticket Go takes: missing_extension, as Go picks a certificate
  }

  private static ClientHelloMessage hello(String... labels) {
    return ClientHelloMessage.parse(message(labels)).orElseThrow();
  }

  /**
   * A TLS 1.3 hello (an X25519 share, no signature algorithms) offering psk_dhe_ke and the tickets {@code labels}
   * (hex), each with a binder of 32 bytes.
   */
  private static byte[] message(String... labels) {
    String identities = Arrays.stream(labels).map(label -> u16(label) + label + "00000000")
        .collect(Collectors.joining());
    String binders = ("20" + "00".repeat(32)).repeat(labels.length);
    String psk = "0029" + u16(u16(identities) + identities + u16(binders) + binders) + u16(identities) + identities
        + u16(binders) + binders;
    String share = "003300260024001d0020" + "09" + "00".repeat(31); // X25519's base point
    String extensions = "002b0003020304" + "000a00040002001d" + share + "002d00020101" + psk;
    String body = "0303" + "00".repeat(32) + "00" + "00021301" + "0100" + u16(extensions) + extensions;
    return HexFormat.of().parseHex("01" + String.format("%06x", body.length() / 2) + body);
  }

  private static String u16(String hex) {
    return String.format("%04x", hex.length() / 2);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
