package io.github.faktorytestkit.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EscapingTest {

  @Test
  void escapesControlCharactersAndBackslash() {
    assertThat(Escaping.escape("a\r\n\t\\\u0000\u007f")).isEqualTo("a\\r\\n\\t\\\\\\x00\\x7f");
  }

  @Test
  void keepsValidUtf8AndShowsInvalidBytesInHex() {
    byte[] bytes = {'o', 'k', (byte) 0xff, (byte) 0xc3, (byte) 0xbc, (byte) 0xe2, (byte) 0x82};
    assertThat(Escaping.escape(bytes)).isEqualTo("ok\\xffü\\xe2\\x82");
    assertThat(Escaping.escape("€".getBytes(UTF_8))).isEqualTo("€");
  }
}
