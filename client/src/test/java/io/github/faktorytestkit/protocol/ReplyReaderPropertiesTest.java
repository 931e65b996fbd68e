package io.github.faktorytestkit.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReplyReaderPropertiesTest {
  private static final byte[] SENTINEL = "+NEXT\r\n".getBytes(UTF_8);
  private static final Pattern VALID_LENGTH = Pattern.compile("-1|[0-9]{1,10}");

  @Property
  void anySplitOfAValidStreamReadsTheSameReplies(
      @ForAll("replyLists") List<Reply> replies,
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 40) Integer> chunkSizes) throws Exception {
    byte[] wire = ReplyArbitraries.wire(replies);
    ReplyReader reader = new ReplyReader();
    int offset = 0;
    for (int i = 0; offset < wire.length; i++) {
      int size = chunkSizes.isEmpty() ? wire.length : chunkSizes.get(i % chunkSizes.size());
      int length = Math.min(size, wire.length - offset);
      reader.feed(wire, offset, length);
      offset += length;
    }
    assertThat(drain(reader)).isEqualTo(replies);
    assertThat(reader.inFrame()).isFalse();
  }

  @Property
  void anyChunkingOfAStreamReadsTheSameRepliesThenEof(
      @ForAll("replyLists") List<Reply> replies,
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 40) Integer> chunkSizes) throws Exception {
    InputStream in = new ChunkedInputStream(ReplyArbitraries.wire(replies), chunkSizes);
    ReplyReader reader = new ReplyReader();
    List<Reply> read = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      read.add(reader.read(in));
    }
    assertThat(read).isEqualTo(replies);
    assertThatThrownBy(() -> reader.read(in)).isInstanceOf(EOFException.class);
  }

  @Property
  void writtenReplyReadsBackAsTheSameValueLeavingTheNextFrame(@ForAll("replies") Reply reply) throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(concat(reply.toWire(), SENTINEL));
    assertThat(new ReplyReader().read(in)).isEqualTo(reply);
    assertThat(in.available()).isEqualTo(SENTINEL.length);
  }

  @Property
  void truncatedFrameIsMalformed(@ForAll("replies") Reply reply, @ForAll @IntRange(min = 1) int cutSeed) {
    byte[] wire = reply.toWire();
    byte[] truncated = Arrays.copyOf(wire, 1 + cutSeed % (wire.length - 1));
    assertThatThrownBy(() -> new ReplyReader().read(new ByteArrayInputStream(truncated)))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessageContaining("stream ended inside the frame");
  }

  @Property
  void wrongTypeByteIsMalformedAfterReadingOneByte(@ForAll byte first) {
    Assume.that("+-$:".indexOf(first) < 0);
    ByteArrayInputStream in = new ByteArrayInputStream(concat(new byte[] {first}, SENTINEL));
    assertThatThrownBy(() -> new ReplyReader().read(in)).isInstanceOf(MalformedReplyException.class);
    assertThat(in.available()).isEqualTo(SENTINEL.length);
  }

  @Property
  void brokenTerminatorIsMalformedWithinTheFrame(
      @ForAll("replies") Reply reply, @ForAll boolean inHeader, @ForAll boolean replaceCr,
      @ForAll("nonTerminators") byte replacement) {
    byte[] wire = reply.toWire();
    int crPosition = inHeader ? indexOfCr(wire) : wire.length - 2;
    wire[replaceCr ? crPosition : crPosition + 1] = replacement;
    assertMalformedWithinFrame(wire);
  }

  @Property
  void bulkLongerThanDeclaredIsMalformedWithinTheFrame(
      @ForAll("nonEmptyText") String text, @ForAll @IntRange(min = 0) int lieSeed) {
    byte[] content = text.getBytes(UTF_8);
    int declared = lieSeed % content.length;
    Assume.that(content[declared] != '\r');
    assertMalformedWithinFrame(bulkWire(declared, content));
  }

  @Property
  void bulkShorterThanDeclaredIsMalformedAtEndOfStream(
      @ForAll("text") String text, @ForAll @IntRange(min = 1, max = 1000) int extra) {
    byte[] content = text.getBytes(UTF_8);
    byte[] wire = bulkWire(content.length + extra, content);
    assertThatThrownBy(() -> new ReplyReader().read(new ByteArrayInputStream(wire)))
        .isInstanceOf(MalformedReplyException.class);
  }

  @Property
  void badLengthTextIsMalformedWithinTheFrame(@ForAll("lineText") String length) {
    Assume.that(!VALID_LENGTH.matcher(length).matches());
    assertMalformedWithinFrame(("$" + length + "\r\n").getBytes(UTF_8));
  }

  @Property
  void badIntegerTextIsMalformedWithinTheFrame(@ForAll("lineText") String number) {
    Assume.that(!isLong(number));
    assertMalformedWithinFrame((":" + number + "\r\n").getBytes(UTF_8));
  }

  @Provide
  Arbitrary<Reply> replies() {
    return ReplyArbitraries.replies();
  }

  @Provide
  Arbitrary<List<Reply>> replyLists() {
    return ReplyArbitraries.replies().list().ofMaxSize(10);
  }

  @Provide
  Arbitrary<String> text() {
    return ReplyArbitraries.text();
  }

  @Provide
  Arbitrary<String> nonEmptyText() {
    return ReplyArbitraries.text().ofMinLength(1);
  }

  @Provide
  Arbitrary<String> lineText() {
    return ReplyArbitraries.lineText();
  }

  @Provide
  Arbitrary<Byte> nonTerminators() {
    return Arbitraries.bytes().filter(b -> b != '\r' && b != '\n');
  }

  private static void assertMalformedWithinFrame(byte[] frame) {
    ByteArrayInputStream in = new ByteArrayInputStream(concat(frame, SENTINEL));
    assertThatThrownBy(() -> new ReplyReader().read(in)).isInstanceOf(MalformedReplyException.class);
    assertThat(in.available()).isGreaterThanOrEqualTo(SENTINEL.length);
  }

  private static boolean isLong(String text) {
    try {
      Long.parseLong(text);
      return text.matches("-?[0-9]+");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static byte[] bulkWire(int declared, byte[] content) {
    return concat(concat(("$" + declared + "\r\n").getBytes(UTF_8), content), "\r\n".getBytes(UTF_8));
  }

  private static int indexOfCr(byte[] wire) {
    for (int i = 0; ; i++) {
      if (wire[i] == '\r') {
        return i;
      }
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static List<Reply> drain(ReplyReader reader) {
    List<Reply> replies = new ArrayList<>();
    for (var next = reader.next(); next.isPresent(); next = reader.next()) {
      replies.add(next.get());
    }
    return replies;
  }
}
