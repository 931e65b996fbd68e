package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.Wire.feed;
import static io.github.faktorytestkit.fake.transport.Wire.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LineFramerTest {
  private static final List<Integer> BYTE_AT_A_TIME = List.of(1);

  private final EmbeddedChannel channel = Wire.framingChannel(16);

  @AfterEach
  void nothingIsLeftOver() {
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void crlfLinesDecodeByteAtATime() {
    assertThat(feed(channel, utf8("FETCH a b\r\nINFO\r\n"), BYTE_AT_A_TIME)).containsExactly("FETCH a b", "INFO");
  }

  @Test
  void bareLfEndsALineLikeRealFaktory() {
    assertThat(feed(channel, utf8("FLUSH\nEND\r\n"), BYTE_AT_A_TIME)).containsExactly("FLUSH", "END");
  }

  @Test
  void emptyLineDecodesToEmptyCommand() {
    assertThat(feed(channel, utf8("\r\n\n"), BYTE_AT_A_TIME)).containsExactly("", "");
  }

  @Test
  void linesStartingWithRespTypeBytesArriveAsPlainText() {
    byte[] input = utf8("+OK\r\n-ERR x\r\n:1\n$5\r\n*2\r\nINFO\r\n");

    assertThat(feed(channel, input, BYTE_AT_A_TIME)).containsExactly("+OK", "-ERR x", ":1", "$5", "*2", "INFO");
  }

  @Test
  void onlyTheCrBeforeLfIsStripped() {
    assertThat(feed(channel, utf8("A\rB\r\nC\r\r\n"), BYTE_AT_A_TIME)).containsExactly("A\rB", "C\r");
  }

  @Test
  void multiByteCharactersSurviveSplitting() {
    assertThat(feed(channel, utf8("PUSH é€😀\r\n"), BYTE_AT_A_TIME)).containsExactly("PUSH é€😀");
  }

  @Test
  void lineOfExactlyTheLimitIsAccepted() {
    String line = "X".repeat(16);

    assertThat(feed(channel, utf8(line + "\r\n" + line + "\n"), BYTE_AT_A_TIME)).containsExactly(line, line);
  }

  @Test
  void lineOverTheLimitEndsTheStreamWithOneSignal() {
    byte[] input = utf8("INFO\r\n" + "X".repeat(17) + "\r\nFLUSH\r\n");

    assertThat(feed(channel, input, BYTE_AT_A_TIME)).containsExactly("INFO", new LineTooLong(16));
  }

  @Test
  void unterminatedLineOverTheLimitIsCaughtBeforeItsEnd() {
    assertThat(feed(channel, utf8("Y".repeat(18)), BYTE_AT_A_TIME)).containsExactly(new LineTooLong(16));
  }

  @Test
  void unterminatedLastLineYieldsNothing() {
    assertThat(feed(channel, utf8("INFO\r\nFLU"), List.of(3))).containsExactly("INFO");
  }
}
