package io.github.faktorytestkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A line's bytes that are not valid UTF-8 reach the model as real Faktory 1.9.4 keeps them, raw: the expected
 * replies are those real Faktory gave (conformance-tests {@code wire-scripts.txt}, "encoding" scripts).
 */
class InvalidUtf8LinesTest {

  /** Returns the text's bytes with each {@code <xHH>} replaced by the byte HH. */
  private static byte[] bytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("<x", i)) {
        out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 4;
      } else {
        out.writeBytes(String.valueOf(text.charAt(i)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static byte[] answer(RawClient client, String line) {
    client.sendRaw(bytes(line + "\r\n"));
    return client.readLineBytes();
  }

  private static RawClient helloed(FakeFaktory faktory) {
    RawClient client = RawClient.connect(faktory.port());
    client.readLine();
    assertThat(client.command("HELLO {\"v\":2}")).isEqualTo("+OK\r\n");
    return client;
  }

  @Test
  void echoedLinesCarryTheRawBytes() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = helloed(faktory)) {
      assertThat(answer(client, "CMD<xff> x")).isEqualTo(bytes("-ERR unknown command CMD<xff>\r\n"));
      assertThat(answer(client, "<xff>")).isEqualTo(bytes("-ERR unknown command <xff>\r\n"));
      assertThat(answer(client, "ACK <xff>")).isEqualTo(bytes("-ERR invalid ACK <xff>\r\n"));
      assertThat(answer(client, "FAIL <xc3>")).isEqualTo(bytes("-ERR invalid FAIL <xc3>\r\n"));
      assertThat(answer(client, "BEAT <xed><xa0><x80>")).isEqualTo(bytes("-ERR invalid BEAT <xed><xa0><x80>\r\n"));
    }
  }

  @Test
  void goSeesAReplacementCharacterWhereItDecodesTheBytes() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = helloed(faktory)) {
      assertThat(answer(client, "BEAT {\"wid\":\"<xff>\"}")).isEqualTo(bytes("-ERR unknown worker \uFFFD\r\n"));
      assertThat(answer(client, "QUEUE <xff>")).isEqualTo(bytes("-ERR no such QUEUE subcommand: \uFFFD\r\n"));
      assertThat(answer(client, "QUEUE PAUSE w-<xff>")).isEqualTo(bytes("+OK\r\n"));
      client.sendRaw(bytes("QUEUE LATENCY w-<xff>\r\n"));
      assertThat(client.readFrame()).isEqualTo("$14\r\n{\"w-\\ufffd\":0}\r\n");
    }
  }

  @Test
  void jsonSyntaxErrorsQuoteTheInvalidByteAsGoDoes() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = helloed(faktory)) {
      assertThat(answer(client, "PUSH <xff>"))
          .isEqualTo(bytes("-ERR invalid JSON: invalid character '\u00ff' looking for beginning of value\r\n"));
      assertThat(answer(client, "PUSH {\"jid\":\"12345678\"<xfe>}"))
          .isEqualTo(bytes("-ERR invalid JSON: invalid character '\u00fe' after object key:value pair\r\n"));
    }
  }

  @Test
  void theJournalKeepsTheLineLosslesslyAndItsBytesExactly() {
    try (FakeFaktory faktory = FakeFaktory.start(); RawClient client = helloed(faktory)) {
      answer(client, "FOO<xff>");

      faktory.takeCommand("HELLO");
      RecordedCommand command = faktory.takeCommand();
      assertThat(command.line()).isEqualTo("FOO\uDCFF");
      assertThat(command.lineBytes()).isEqualTo(bytes("FOO<xff>"));
      assertThat(command.received().lineBytes()).isEqualTo(bytes("FOO<xff>"));
      assertThat(command.reply().orElseThrow().toString()).contains("unknown command FOO\uDCFF");
    }
  }
}
