package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameShapeTest {

  @Test
  void wellFormedFramesPass() {
    for (String frame : new String[] {"+OK\r\n", "-ERR no\r\n", "$3\r\nabc\r\n", "$0\r\n\r\n", "$-1\r\n",
        "$4\r\na\r\nb\r\n"}) {
      assertThatCode(() -> FrameShape.check(bytes(frame))).as(frame).doesNotThrowAnyException();
    }
  }

  @Test
  void aBulkStringOfAnotherLengthThanDeclaredFails() {
    assertThatThrownBy(() -> FrameShape.check(bytes("$4\r\nabc\r\n")))
        .hasMessageEndingWith("declares 4 bytes, holds 3");
  }

  @Test
  void malformedLinesFail() {
    assertThatThrownBy(() -> FrameShape.check(bytes("+O\rK\r\n"))).hasMessageContaining("a CR or LF inside");
    assertThatThrownBy(() -> FrameShape.check(bytes("+OK\n"))).hasMessageContaining("does not end in CRLF");
    assertThatThrownBy(() -> FrameShape.check(bytes(":1\r\n"))).hasMessageContaining("expected: + - or $");
    assertThatThrownBy(() -> FrameShape.check(bytes("$x\r\n\r\n"))).hasMessageContaining("a decimal count");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
