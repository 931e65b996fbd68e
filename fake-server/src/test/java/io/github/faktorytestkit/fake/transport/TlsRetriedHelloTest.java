package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the fake does with what a client sends after its HelloRetryRequest ({@link GoRetriedHello}); TlsIT
 * (conformance-tests) checks the same and more against real Faktory.
 */
class TlsRetriedHelloTest {
  /** TLS 1.3, X25519 the one group, no key share: Go asks for an X25519 share. */
  private static final String FIRST = "002b0003020304" + "000a00040002001d" + "003300020000" + "000d000400020403";
  private static final String X25519_SHARE = "003300260024001d0020" + "42".repeat(32);
  private static final String SECOND = FIRST.replace("003300020000", X25519_SHARE);
  private static final String HELLO_RETRY_REQUEST = "1603030038020000340303";
  private static final String CHANGE_CIPHER_SPEC = "140303000101";
  private static final String ILLEGAL_PARAMETER = "1503030002022f";
  private static final String SERVER_HELLO = "a server hello";

  static Stream<Arguments> afterTheRetryRequest() {
    String hello = second(SECOND);
    String share = "001d0020" + "42".repeat(32);
    return Stream.of(
        arguments("the hello with the share asked for", hello, SERVER_HELLO),
        arguments("a change_cipher_spec record first", CHANGE_CIPHER_SPEC + hello, SERVER_HELLO),
        arguments("a user_canceled alert first", "1503030002015a" + hello, SERVER_HELLO),
        arguments("padding added", second(SECOND + "0015000400000000"), SERVER_HELLO),
        arguments("no key share", second(FIRST), ILLEGAL_PARAMETER),
        arguments("two key shares", second(SECOND.replace(X25519_SHARE, "0033004a0048" + share + share)),
            ILLEGAL_PARAMETER),
        arguments("early data", second(SECOND + "002a0000"), ILLEGAL_PARAMETER),
        arguments("another random", second(SECOND).replace("0303" + "00".repeat(32), "0303" + "01".repeat(32)),
            ILLEGAL_PARAMETER),
        arguments("a signature scheme more", second(SECOND.replace("000d000400020403", "000d0006000404030503")),
            ILLEGAL_PARAMETER),
        arguments("17 change_cipher_spec records", CHANGE_CIPHER_SPEC.repeat(17) + hello, "1503030002020a"),
        arguments("a change_cipher_spec record of two bytes", "14030300020101", "15030300020232"),
        arguments("another warning alert", "15030300020170", ""),
        arguments("application data", "170303000100", "1503030002020a"),
        arguments("a finished message", "1603030024" + "14000020" + "42".repeat(32), "1503030002020a"),
        arguments("half a hello, then change_cipher_spec", record("160303", hello(SECOND).substring(0, 40))
            + CHANGE_CIPHER_SPEC,
            "1503030002020a"),
        arguments("a record of TLS 1.0", "160301000414000000", "15030300020246"),
        arguments("a truncated hello", "1603030006010000020303", "15030300020232"),
        arguments("a record over 16,640 bytes", "1603034101", "15030300020216"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("afterTheRetryRequest")
  void whatComesAfterTheRetryRequestGetsGosAnswer(String name, String sent, String reply) {
    EmbeddedChannel channel = new EmbeddedChannel(new GoClientHello(TestKeys.ec()), new HeldWrites());
    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(record("160301", hello(FIRST)))));
    assertThat(Wire.writtenHex(channel)).startsWith(HELLO_RETRY_REQUEST);

    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(sent)));

    String answer = Wire.writtenHex(channel);
    if (reply.equals(SERVER_HELLO)) {
      assertThat(answer).matches("160303....02.*");
      assertThat(channel.isOpen()).isTrue();
    } else {
      assertThat(answer).isEqualTo(reply);
      assertThat(channel.isOpen()).isFalse();
    }
  }

  /** A hello with {@code extensions}, in a record of TLS 1.2. */
  private static String second(String extensions) {
    return record("160303", hello(extensions));
  }

  private static String hello(String extensions) {
    String body = "0303" + "00".repeat(32) + "00" + "00021301" + "0100" + length(extensions) + extensions;
    return "010000" + String.format("%02x", body.length() / 2) + body;
  }

  private static String record(String header, String message) {
    return header + length(message) + message;
  }

  private static String length(String hex) {
    return String.format("%04x", hex.length() / 2);
  }
}
