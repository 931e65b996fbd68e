package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawConnectionTest {

  @Test
  void aStreamIsCheckedLineByLineAsTheServerSplitsIt() {
    assertThatThrownBy(() -> RawConnection.safeStream(bytes("INFO\r\nACK\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not crash Faktory 1.9.4");
    assertThatThrownBy(() -> RawConnection.safeStream(bytes("INFO\nQUEUE pause\r\nEND\r\n")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lastLineWithoutLfAndLinesThatOnlyLookLikeCrashingOnesPass() {
    byte[] stream = bytes("ACK \r\nACK\r\r\nPUSH {}\r\nACK");
    assertThat(RawConnection.safeStream(stream)).isSameAs(stream);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
