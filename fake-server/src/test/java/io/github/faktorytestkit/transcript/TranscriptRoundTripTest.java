package io.github.faktorytestkit.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptRoundTripTest {
  private static final String TEXT = String.join("\n",
      "# faktory-transcript 1",
      "# server: Faktory 1.9.4",
      "# scenario: push and fetch",
      "# recorded: 2026-12-02T10:00:00Z",
      "# producer: test",
      "",
      "0.000 c1 open",
      "0.001 c1 < +HI {\"v\":2}",
      "0.002 c1 > HELLO {\"wid\":\"{{wid:1=w-1}}\",\"v\":2}\\r\\n",
      "0.003 c1 < +OK",
      "0.004 c1 > PUSH {\"jid\":\"{{jid:1=j-12345678}}\",\"jobtype\":\"T\",\"args\":[]}\\n",
      "0.005 c1 < -ERR Job not found {{jid:1}}",
      "0.006 c1 > FETCH q\\r\\n",
      "2.007 c1 < $-1",
      "2.008 c1 < ${\"jid\":\"{{jid:1}}\",\"at\":\"{{ts:1=2026-12-02T10:00:00.5Z}}\"}",
      "2.009 c1 < $",
      "2.010 c1 < $\\x2d1",
      "2.011 c1 < :42",
      "2.012 c1 <~ $5\\r\\nab",
      "2.013 c1 > END\\r\\n",
      "2.014 c1 close server",
      "2.015 c1 close client",
      "");

  @Test
  void readsEveryKindOfEventAndWritesTheSameTextBack() {
    Transcript transcript = TranscriptReader.parse(TEXT);

    assertThat(TranscriptWriter.toText(transcript)).isEqualTo(TEXT);
    assertThat(transcript.header().server()).contains("Faktory 1.9.4");
    assertThat(transcript.header().recorded()).contains(Instant.parse("2026-12-02T10:00:00Z"));
    assertThat(transcript.connections()).containsExactly("c1");
    assertThat(transcript.events()).hasSize(16);
    assertThat(transcript.events().get(15)).isEqualTo(new TranscriptEvent.Close("c1", Duration.ofMillis(2015),
        Side.CLIENT));
  }

  @Test
  void framesGiveBackTheExactWireBytesWithBulkLengthsImplied() {
    List<TranscriptEvent.Frame> frames = TranscriptReader.parse(TEXT).frames();

    assertThat(wire(frames.get(1))).isEqualTo("HELLO {\"wid\":\"w-1\",\"v\":2}\r\n");
    assertThat(wire(frames.get(3))).isEqualTo("PUSH {\"jid\":\"j-12345678\",\"jobtype\":\"T\",\"args\":[]}\n");
    assertThat(wire(frames.get(4))).isEqualTo("-ERR Job not found j-12345678\r\n");
    assertThat(wire(frames.get(6))).isEqualTo("$-1\r\n");
    assertThat(wire(frames.get(7)))
        .isEqualTo("$50\r\n{\"jid\":\"j-12345678\",\"at\":\"2026-12-02T10:00:00.5Z\"}\r\n");
    assertThat(wire(frames.get(8))).isEqualTo("$0\r\n\r\n");
    assertThat(wire(frames.get(9))).isEqualTo("$2\r\n-1\r\n");
    assertThat(wire(frames.get(10))).isEqualTo(":42\r\n");
    assertThat(wire(frames.get(11))).isEqualTo("$5\r\nab");
    assertThat(frames.get(7).shape()).isEqualTo(FrameShape.BULK);
    assertThat(frames.get(11).shape()).isEqualTo(FrameShape.RAW);
  }

  @Test
  void aReusedPlaceholderCarriesTheValueItWasBoundTo() {
    TranscriptEvent.Frame fetched = TranscriptReader.parse(TEXT).frames().get(7);

    assertThat(fetched.body().slots()).containsExactly(
        new Segment.Slot("jid", 1, utf8("j-12345678"), false),
        new Segment.Slot("ts", 1, utf8("2026-12-02T10:00:00.5Z"), true));
  }

  @Test
  void capturedServerBytesAreClassifiedByShape() {
    assertThat(captured("+OK\r\n").shape()).isEqualTo(FrameShape.SIMPLE);
    assertThat(captured("-ERR x\r\n").shape()).isEqualTo(FrameShape.ERROR);
    assertThat(captured(":-7\r\n").shape()).isEqualTo(FrameShape.INTEGER);
    assertThat(captured("$-1\r\n").shape()).isEqualTo(FrameShape.NULL_BULK);
    assertThat(captured("$3\r\na\r\n\r\n").shape()).isEqualTo(FrameShape.BULK);
    assertThat(captured("$3\r\na\r\n").shape()).isEqualTo(FrameShape.RAW);
    assertThat(captured("$03\r\nabc\r\n").shape()).isEqualTo(FrameShape.RAW);
    assertThat(captured("+a\rb\r\n").shape()).isEqualTo(FrameShape.RAW);
    assertThat(captured(":x\r\n").shape()).isEqualTo(FrameShape.RAW);
    assertThat(captured("OK\r\n").shape()).isEqualTo(FrameShape.RAW);
    assertThat(captured("+OK").shape()).isEqualTo(FrameShape.RAW);
    assertThat(wire(captured("$3\r\na\r\n\r\n"))).isEqualTo("$3\r\na\r\n\r\n");
  }

  @Test
  void aPlaceholderReusedBeforeItIsBoundIsRefusedWithItsLine() {
    String text = "# faktory-transcript 1\n\n0.000 c1 open\n0.001 c1 > ACK {\"jid\":\"{{jid:1}}\"}\\r\\n\n";

    assertThatThrownBy(() -> TranscriptReader.parse(text, "t.txt"))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessage("t.txt:4: column 24: placeholder {{jid:1}} used before it is bound")
        .extracting(e -> ((TranscriptFormatException) e).line()).isEqualTo(4);
  }

  @Test
  void aPlaceholderBoundTwiceIsRefused() {
    String text = "# faktory-transcript 1\n0.000 c1 open\n0.001 c1 > {{jid:1=a}}\n0.002 c1 > {{jid:1=a}}\n";

    assertThatThrownBy(() -> TranscriptReader.parse(text, "t.txt"))
        .hasMessageContaining("t.txt:4: column 12: placeholder {{jid:1}} bound a second time");
  }

  @Test
  void malformedLinesAreRefusedWithWhatWasExpected() {
    assertRefused("0.000 c1 open\n0.001 c2 > INFO\\r\\n", "connection c2 used before it opened");
    assertRefused("0.000 c1 open\n0.001 c1 > INFO\\q", "unknown escape \\q");
    assertRefused("0.000 c1 open\n0.001 c1 > {{jid}}", "malformed placeholder");
    assertRefused("0.000 c1 open\n0.001 c1 > {{jid:1=a}", "unterminated placeholder");
    assertRefused("0.000 c1 open\n0.001 c1 > \\x4", "truncated \\x escape");
    assertRefused("0.005 c1 open\n0.001 c1 > INFO", "before the previous");
    assertRefused("0.000 c1 open\n0.001 c1 close client\n0.002 c1 > INFO", "sent a frame after closing its end");
    assertRefused("0.000 c1 open\n0.001 c1 < OK", "server frame type: O");
    assertRefused("0.000 c1 open\n0.001 c1 hello", "expected: open, close client");
    assertRefused("0.000 c1 open\n1 c1 > INFO", "expected: <seconds>.<millis> <connection> <event>");
    assertRefused("0.000 c1 open\n0.001 c1 > INFO\r", "raw CR in the line");
    assertThatThrownBy(() -> TranscriptReader.parse("0.000 c1 open\n")).hasMessageContaining("first line");
  }

  @Test
  void escapingKeepsLiteralBracesApartFromPlaceholders() {
    Template body = Template.of(List.of(new Segment.Literal(utf8("{{{")),
        new Segment.Slot("jid", 1, utf8("a}}b{"), true), new Segment.Literal(utf8("}} ")),
        new Segment.Slot("jid", 1, utf8("a}}b{"), false)));

    String text = body.toString();

    assertThat(text).isEqualTo("\\{\\{\\{{{jid:1=a\\}\\}b\\{}}}} {{jid:1}}");
    assertThat(Template.of(ByteEscaping.parse(text, new java.util.HashMap<>(), 0))).isEqualTo(body);
  }

  @Test
  void invalidUtf8ControlBytesLineSeparatorsAndATrailingSpaceAreWrittenAsBytes() {
    byte[] bytes = {'a', (byte) 0xff, 0x00, 0x7f, (byte) 0xe2, (byte) 0x80, (byte) 0xa8, '\\', '\t', ' '};

    String text = Template.literal(bytes).toString();

    assertThat(text).isEqualTo("a\\xff\\x00\\x7f\\xe2\\x80\\xa8\\\\\\t\\x20");
    assertThat(Template.of(ByteEscaping.parse(text, new java.util.HashMap<>(), 0)).bytes()).isEqualTo(bytes);
  }

  private static void assertRefused(String events, String problem) {
    assertThatThrownBy(() -> TranscriptReader.parse(TranscriptFormat.MAGIC + "\n" + events + "\n"))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessageContaining(problem);
  }

  private static TranscriptEvent.Frame captured(String bytes) {
    return TranscriptEvent.Frame.captured("c1", Duration.ZERO, Side.SERVER, bytes.getBytes(StandardCharsets.UTF_8));
  }

  private static String wire(TranscriptEvent.Frame frame) {
    return new String(frame.wire(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
