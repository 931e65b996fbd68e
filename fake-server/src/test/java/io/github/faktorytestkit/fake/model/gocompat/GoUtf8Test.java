package io.github.faktorytestkit.fake.model.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoUtf8Test {
  private static String decode(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return GoUtf8.decode(b, 0, b.length);
  }

  @Test
  void validTextOfEveryLengthIsKept() {
    assertThat(decode('a', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF4, 0x8F, 0xBF, 0xBF)).isEqualTo("aé€\uDBFF\uDFFF");
  }

  @Test
  void anEncodedSurrogateIsOneReplacementPerByteAsInGo() {
    assertThat(decode('a', 0xED, 0xA0, 0x80)).isEqualTo("a\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void overlongOutOfRangeAndTruncatedSequencesAreOneReplacementPerByte() {
    assertThat(decode(0xC0, 0x80)).isEqualTo("\uFFFD\uFFFD");
    assertThat(decode(0xF4, 0x90, 0x80, 0x80)).isEqualTo("\uFFFD".repeat(4));
    assertThat(decode(0xE2, 0x82)).isEqualTo("\uFFFD\uFFFD");
    assertThat(decode(0xC3, '(')).isEqualTo("\uFFFD(");
    assertThat(decode(0xFF, 0xFE)).isEqualTo("\uFFFD\uFFFD");
  }
}
