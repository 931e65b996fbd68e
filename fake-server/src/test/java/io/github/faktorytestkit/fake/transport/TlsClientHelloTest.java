package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GoClientHello} and {@link HeldWrites} on their own; TlsIT (conformance-tests) checks the same bytes against
 * real Faktory.
 */
class TlsClientHelloTest {
  private static final String WARNING_ALERT = "1503010002015a";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "802e0103010015000000100000030000060000040000050000070000080000090000, 15030100020246",
      "1603014801, 15030100020216",
      "1603010000, 1503010002020a",
      "150301000102, 1503010002020a",
      "16100000050100000100, ''",
      "170301000568656c6c6f, ''",
      "15030100020228, ''",
      "160301000401010001, 15030100020250"})
  void malformedRecordsGetGosBytesThenTheClose(String records, String reply) {
    EmbeddedChannel channel = channel();

    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(records)));

    assertThat(Wire.writtenHex(channel)).isEqualTo(reply);
    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
  }

  /**
   * A truncated hello, TLS 1.0 only, TLS 1.2 without groups, TLS 1.3 without signature algorithms, a retry needed with
   * a message waiting: each gets what real Faktory sends (TlsIT has more).
   */
  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "1603010006010000020303, 15030100020232",
      "160301002d0100002903010000000000000000000000000000000000000000000000000000000000000000000002c02b0100, "
          + "15030100020246",
      "160301002d0100002903030000000000000000000000000000000000000000000000000000000000000000000002c02b0100, "
          + "15030300020228",
      "16030100680100006403030000000000000000000000000000000000000000000000000000000000000000000002130101000039002b"
          + "0003020304000a00040002001d003300260024001d00204242424242424242424242424242424242424242424242424242424242"
          + "424242, 1503030002026d",
      "16030100950100008d03030000000000000000000000000000000000000000000000000000000000000000000002130101000062002b"
          + "0003020304000a00040002001d003300470045001700410442424242424242424242424242424242424242424242424242424242"
          + "424242424242424242424242424242424242424242424242424242424242424242424242000d00040002040300000000, "
          + "1503030002020a"})
  void helloGoRefusesGetsGosAlertThenTheClose(String records, String reply) {
    malformedRecordsGetGosBytesThenTheClose(records, reply);
  }

  @Test
  void helloOverSeveralRecordsGoesOnAsRecordsOfTls10AndTlsStarts() {
    EmbeddedChannel channel = channel();
    String hello = JdkClientHello.message("TLSv1.3", "TLS_AES_128_GCM_SHA256");
    String first = hello.substring(0, 20);
    String second = hello.substring(20);

    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(
        "16000000" + "0a" + first + WARNING_ALERT + "160303" + hexLength(second) + second)));

    assertThat(channel.pipeline().get(GoClientHello.class)).isNull();
    assertThat(channel.pipeline().get(HeldWrites.class)).isNotNull(); // until the handshake is done
    assertThat(channel.pipeline().get(TlsProtocolHandler.class)).isNotNull();
    assertThat(Wire.writtenHex(channel)).startsWith("160303");
    assertThat(channel.isOpen()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "TLSv1.3 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256",
      "TLSv1.3 TLS_CHACHA20_POLY1305_SHA256 TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256",
      "TLSv1.2 TLS_EMPTY_RENEGOTIATION_INFO_SCSV TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256",
      "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "
          + "TLS_CHACHA20_POLY1305_SHA256"})
  void suiteOrderIsGosForTheClientsFirstKnownSuite(String protocolThenSuites, String firstOfOrder)
      throws ReflectiveOperationException {
    String[] offer = protocolThenSuites.split(" ");
    String hello = JdkClientHello.message(offer[0], Arrays.copyOfRange(offer, 1, offer.length));

    GoTlsServer server = TestKeys.ec().server(ClientHelloMessage.parse(HexFormat.of().parseHex(hello)).orElseThrow());

    assertThat(server.getSupportedCipherSuites()[0]).isEqualTo(CipherSuite.class.getField(firstOfOrder).getInt(null));
    assertThat(server.preferLocalCipherSuites()).isTrue();
  }

  @Test
  void writesBeforeTheHelloAreHeldAndACloseSendsNothing() {
    EmbeddedChannel channel = channel();

    channel.writeAndFlush(Unpooled.copiedBuffer("+HI\r\n", StandardCharsets.US_ASCII));
    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("16030100")));
    channel.close();

    assertThat(Wire.writtenHex(channel)).isEmpty();
  }

  @Test
  void aCloseDuringTheHandshakeSendsNothingMoreAndNoHeldWrite() {
    EmbeddedChannel channel = channel();
    String hello = JdkClientHello.message("TLSv1.3", "TLS_AES_128_GCM_SHA256");
    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("160301" + hexLength(hello) + hello)));
    assertThat(Wire.writtenHex(channel)).startsWith("160303"); // the server's first flight

    channel.writeAndFlush(Unpooled.copiedBuffer("+HI\r\n", StandardCharsets.US_ASCII));
    channel.close();

    assertThat(Wire.writtenHex(channel)).isEmpty();
    assertThat(channel.isOpen()).isFalse();
  }

  private static EmbeddedChannel channel() {
    return new EmbeddedChannel(new GoClientHello(TestKeys.ec()), new HeldWrites());
  }

  private static String hexLength(String hex) {
    return String.format("%04x", hex.length() / 2);
  }
}
