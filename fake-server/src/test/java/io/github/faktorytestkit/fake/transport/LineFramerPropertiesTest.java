package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.Wire.feed;
import static io.github.faktorytestkit.fake.transport.Wire.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LineFramerPropertiesTest {
  private static final int LIMIT = 24;

  @Property(tries = 300)
  void anySplitOfAValidStreamYieldsTheSameLines(
      @ForAll("validLines") List<String> lines,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> chunks,
      @ForAll @Size(min = 1, max = 8) List<Boolean> bareLf) {
    byte[] stream = stream(lines, bareLf);

    assertThat(decode(stream, chunks)).isEqualTo(new ArrayList<Object>(lines));
    assertThat(decode(stream, List.of(stream.length + 1))).isEqualTo(new ArrayList<Object>(lines));
  }

  @Property(tries = 300)
  void overLongLineOutcomeIsIndependentOfTheSplit(
      @ForAll("validLines") List<String> before,
      @ForAll @IntRange(min = LIMIT + 1, max = 3 * LIMIT) int overLength,
      @ForAll("validLines") List<String> after,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> chunks) {
    List<String> lines = new ArrayList<>(before);
    lines.add("Z".repeat(overLength));
    lines.addAll(after);
    byte[] stream = stream(lines, List.of(false));

    List<Object> expected = new ArrayList<>(before);
    expected.add(new LineTooLong(LIMIT));
    assertThat(decode(stream, chunks)).isEqualTo(expected);
    assertThat(decode(stream, List.of(1))).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<String>> validLines() {
    Arbitrary<String> line = Arbitraries.strings()
        .withChars("PUSHFETCH {}\"é€:+-$*\r\t")
        .ofMaxLength(LIMIT)
        .filter(text -> !text.endsWith("\r") && utf8(text).length <= LIMIT);
    return line.list().ofMaxSize(12);
  }

  private static byte[] stream(List<String> lines, List<Boolean> bareLf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      out.writeBytes(utf8(lines.get(i) + (bareLf.get(i % bareLf.size()) ? "\n" : "\r\n")));
    }
    return out.toByteArray();
  }

  private static List<Object> decode(byte[] stream, List<Integer> chunks) {
    EmbeddedChannel channel = Wire.framingChannel(LIMIT);
    List<Object> decoded = feed(channel, stream, chunks);
    assertThat(channel.finish()).isFalse();
    return decoded;
  }
}
