package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostilePinnedTest {
  private static final byte[] SESSION =
      "HELLO {}\r\nPUSH {}\r\nFLUSH\r\nEND x\r\nINFO\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final List<String> FAKE = List.of("+HI", "+OK", "-ERR x", "+OK", "<closed>");

  @Test
  void realRepliesCutShortByTheResetAfterEndAreTheListedDifference() {
    assertThat(HostilePinned.explains(SESSION, FAKE, List.of("+HI", "+OK", "<closed>"))).isTrue();
    assertThat(HostilePinned.explains(SESSION, FAKE, List.of("+HI", "<closed>"))).isTrue();
  }

  @Test
  void aFakeReadUpToAnUnparsableFrameBeforeTheEndIsCutShortTheSameWay() {
    List<String> fakeStopsAtFlush = List.of("+HI", "+OK", "<malformed: CR not followed by LF>");
    assertThat(HostilePinned.explains(SESSION, fakeStopsAtFlush, List.of("+HI", "<closed>"))).isTrue();
    assertThat(HostilePinned.explains(SESSION, fakeStopsAtFlush, List.of("+HI", "+OK", "<closed>"))).isTrue();
    assertThat(HostilePinned.explains(SESSION, fakeStopsAtFlush, List.of("+HI", "-ERR y", "<closed>")))
        .as("real's replies before its close differ").isFalse();
    assertThat(HostilePinned.explains(SESSION, List.of("+HI", "+OK", "-ERR x", "+OK", "<malformed: x>"),
        List.of("+HI", "<closed>"))).as("the fake answered past the END").isFalse();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(HostilePinned.explains(SESSION, FAKE, List.of("+HI", "+OK", "-ERR y", "<closed>"))).isFalse();
    assertThat(HostilePinned.explains(SESSION, List.of("+HI", "+OK", "<closed>"), FAKE)).isFalse();
    assertThat(HostilePinned.explains(SESSION, List.of("+HI", "+OK", "-ERR x", "+OK", "+OK", "<closed>"),
        List.of("+HI", "+OK", "<closed>"))).as("the fake answered past the END").isFalse();
    byte[] nothingAfterEnd = "HELLO {}\r\nPUSH {}\r\nFLUSH\r\nEND x\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(HostilePinned.explains(nothingAfterEnd, FAKE, List.of("+HI", "+OK", "<closed>"))).isFalse();
  }
}
