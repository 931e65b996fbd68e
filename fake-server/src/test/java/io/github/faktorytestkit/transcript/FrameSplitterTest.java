package io.github.faktorytestkit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameSplitterTest {
  private static final List<String> SERVER_FRAMES = List.of("+HI {\"v\":2}\r\n", "$-1\r\n", "$5\r\na\r\nbc\r\n",
      "-ERR x\r\n", ":12\r\n", "$0\r\n\r\n", "+OK\r\n");
  private static final List<String> CLIENT_LINES = List.of("HELLO {}\r\n", "INFO\n", "\n", "PUSH {\"a\":\"\r\"}\r\n");

  @Property(tries = 200)
  void anyChunkingGivesTheSameFrames(@ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 9) Integer> cuts) {
    assertThat(split(Side.SERVER, SERVER_FRAMES, cuts)).containsExactlyElementsOf(SERVER_FRAMES);
    assertThat(split(Side.CLIENT, CLIENT_LINES, cuts)).containsExactlyElementsOf(CLIENT_LINES);
  }

  @Test
  void bytesThatCannotStartAFrameAndAllAfterThemAreHandedOutAsTheyCome() {
    FrameSplitter splitter = FrameSplitter.forSender(Side.SERVER);

    assertThat(texts(splitter.feed(utf8("+OK\r\nHTTP/1.1"), 0, 13))).containsExactly("+OK\r\n", "HTTP/1.1");
    assertThat(texts(splitter.feed(utf8("+OK\r\n"), 0, 5))).containsExactly("+OK\r\n");
    assertThat(splitter.finish()).isEmpty();
  }

  @Test
  void anUnfinishedFrameIsWhatFinishReturns() {
    FrameSplitter splitter = FrameSplitter.forSender(Side.SERVER);

    assertThat(splitter.feed(utf8("$10\r\nabc"), 0, 8)).isEmpty();
    assertThat(splitter.finish()).hasValueSatisfying(rest -> assertThat(new String(rest, StandardCharsets.UTF_8))
        .isEqualTo("$10\r\nabc"));
  }

  private static List<String> split(Side side, List<String> frames, List<Integer> cuts) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    frames.forEach(frame -> stream.writeBytes(utf8(frame)));
    byte[] bytes = stream.toByteArray();
    FrameSplitter splitter = FrameSplitter.forSender(side);
    List<String> out = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < bytes.length; i++) {
      int length = Math.min(cuts.get(i % cuts.size()), bytes.length - at);
      out.addAll(texts(splitter.feed(bytes, at, length)));
      at += length;
    }
    assertThat(splitter.finish()).isEmpty();
    return out;
  }

  private static List<String> texts(List<byte[]> frames) {
    return frames.stream().map(frame -> new String(frame, StandardCharsets.UTF_8)).toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
