package io.github.faktorytestkit.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplyReaderTest {

  @Test
  void readsEveryFrameKindFedOneByteAtATime() throws Exception {
    String wire = "+HI {\"v\":2}\r\n-ERR unknown command CMD\r\n$13\r\n{\"default\":0}\r\n$-1\r\n:123\r\n$0\r\n\r\n";
    ReplyReader reader = new ReplyReader();
    for (byte b : wire.getBytes(UTF_8)) {
      reader.feed(new byte[] {b});
    }
    assertThat(drain(reader)).containsExactly(
        Reply.simple("HI {\"v\":2}"), Reply.err("unknown command CMD"), Reply.bulk("{\"default\":0}"),
        Reply.NULL_BULK, new Reply.IntegerReply(123), Reply.bulk(""));
    assertThat(reader.inFrame()).isFalse();
  }

  @Test
  void bulkStringMayHoldCrLfAndMultiByteCharacters() throws Exception {
    Reply reply = read("$10\r\na\r\nü\r\n€\r\n");
    assertThat(reply).isEqualTo(Reply.bulk("a\r\nü\r\n€"));
  }

  @Test
  void readLeavesTheNextFrameInTheStream() throws Exception {
    ByteArrayInputStream in = stream("$2\r\n{}\r\n+OK\r\n");
    ReplyReader reader = new ReplyReader();
    assertThat(reader.read(in)).isEqualTo(Reply.bulk("{}"));
    assertThat(in.available()).isEqualTo("+OK\r\n".length());
    assertThat(reader.read(in)).isEqualTo(Reply.OK);
  }

  @Test
  void partialFrameIsHeldUntilTheRestArrives() throws Exception {
    ReplyReader reader = new ReplyReader();
    reader.feed("$5\r\nhel".getBytes(UTF_8));
    assertThat(reader.next()).isEmpty();
    assertThat(reader.inFrame()).isTrue();
    reader.feed("lo\r\n".getBytes(UTF_8));
    assertThat(reader.next()).contains(Reply.bulk("hello"));
  }

  @Test
  void endOfStreamBetweenFramesIsEof() {
    assertThatThrownBy(() -> read("")).isInstanceOf(EOFException.class);
  }

  @Test
  void endOfStreamInsideAFrameIsMalformed() {
    assertThatThrownBy(() -> read("$10\r\nabc\r\n"))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessageContaining("stream ended inside the frame after 10 bytes")
        .hasMessageContaining("$10\\r\\nabc\\r\\n");
  }

  @Test
  void wrongTypeByteIsMalformedAndShownEscaped() {
    assertThatThrownBy(() -> read("HI\r\n"))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessage("malformed reply: unexpected type byte (expected: one of + - $ :) (frame so far: \"H\")");
  }

  @Test
  void binaryGarbageIsShownAsHexEscapes() {
    assertThatThrownBy(() -> new ReplyReader().feed(new byte[] {(byte) 0x16, 3, 1}))
        .isInstanceOfSatisfying(MalformedReplyException.class,
            e -> assertThat(e.escapedFrame()).isEqualTo("\\x16"));
  }

  @Test
  void bareLfEndingALineIsMalformed() {
    assertThatThrownBy(() -> read("+OK\n")).hasMessageContaining("line ended by LF without CR");
  }

  @Test
  void crWithoutLfIsMalformed() {
    assertThatThrownBy(() -> read("+OK\rX")).hasMessageContaining("CR not followed by LF");
  }

  @Test
  void bulkLongerThanDeclaredIsMalformed() {
    assertThatThrownBy(() -> read("$2\r\n{}}\r\n")).hasMessageContaining("longer than its declared length");
  }

  @Test
  void bulkNotEndedByCrLfIsMalformed() {
    assertThatThrownBy(() -> read("$2\r\n{}\rX")).hasMessageContaining("bulk string not ended by CRLF");
  }

  @Test
  void lengthsOtherThanMinusOneOrDigitsAreMalformed() {
    for (String header : List.of("$\r\n", "$-2\r\n", "$+5\r\n", "$ 5\r\n", "$5x\r\n", "$-0\r\n")) {
      assertThatThrownBy(() -> read(header)).as(header).hasMessageContaining("bulk length not -1 or a decimal");
    }
  }

  @Test
  void declaredLengthOverTheLimitFailsBeforeAnyContent() {
    ReplyReader reader = new ReplyReader(100, 10);
    assertThatThrownBy(() -> reader.feed("$11\r\n".getBytes(UTF_8)))
        .hasMessageContaining("bulk length 11 over the limit of 10 bytes");
  }

  @Test
  void lineOverTheLimitIsMalformed() {
    ReplyReader reader = new ReplyReader(4, 10);
    assertThatThrownBy(() -> reader.feed("+OKOKO\r\n".getBytes(UTF_8)))
        .hasMessageContaining("line longer than 4 bytes");
  }

  @Test
  void endlessLengthDigitsAreCutOffEarly() {
    assertThatThrownBy(() -> read("$" + "9".repeat(40) + "\r\n")).hasMessageContaining("line longer than 20 bytes");
  }

  @Test
  void integerOutOfRangeIsMalformed() {
    assertThatThrownBy(() -> read(":9223372036854775808\r\n")).hasMessageContaining("integer not a 64-bit");
  }

  @Test
  void longFrameIsShownByItsHeadAndTheOffendingByte() {
    String body = "x".repeat(200);
    assertThatThrownBy(() -> read("$199\r\n" + body + "\r\n"))
        .isInstanceOfSatisfying(MalformedReplyException.class, e -> assertThat(e.escapedFrame())
            .startsWith("$199\\r\\nxxx").endsWith("... x at byte 206"));
  }

  @Test
  void failedReaderRefusesFurtherInput() {
    ReplyReader reader = new ReplyReader();
    assertThatThrownBy(() -> reader.feed("?".getBytes(UTF_8))).isInstanceOf(MalformedReplyException.class);
    assertThatThrownBy(() -> reader.feed("+OK\r\n".getBytes(UTF_8)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reader failed earlier");
  }

  private static Reply read(String wire) throws Exception {
    return new ReplyReader().read(stream(wire));
  }

  private static ByteArrayInputStream stream(String wire) {
    return new ByteArrayInputStream(wire.getBytes(UTF_8));
  }

  private static List<Reply> drain(ReplyReader reader) {
    List<Reply> replies = new ArrayList<>();
    reader.next().ifPresent(first -> {
      replies.add(first);
      replies.addAll(drain(reader));
    });
    return replies;
  }
}
