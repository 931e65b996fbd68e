package io.github.faktorytestkit.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TranscriptPropertiesTest {

  @Property(tries = 1000)
  void anyBytesSurviveEscapingExactly(@ForAll("anyBytes") byte[] bytes) {
    String text = Template.literal(bytes).toString();

    assertThat(Template.of(ByteEscaping.parse(text, new HashMap<>(), 0)).bytes()).isEqualTo(bytes);
    assertThat(text).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085").doesNotEndWith(" ");
  }

  @Property(tries = 300)
  void anyTranscriptOfAnyFramesReadsBackEqual(@ForAll("frames") List<TranscriptEvent.Frame> frames) {
    List<TranscriptEvent> events = new ArrayList<>();
    events.add(new TranscriptEvent.Open("c1", Duration.ZERO));
    events.addAll(frames);
    Transcript transcript = new Transcript(TranscriptHeader.of("Faktory 1.9.4", "any", null, null), events);

    Transcript read = TranscriptReader.parse(TranscriptWriter.toText(transcript));

    assertThat(read).isEqualTo(transcript);
    assertThat(read.frames()).extracting(TranscriptEvent.Frame::wire)
        .containsExactlyElementsOf(frames.stream().map(TranscriptEvent.Frame::wire).toList());
  }

  @Property(tries = 300)
  void normalisingKeepsEveryByteAndIsIdempotent(@ForAll("frames") List<TranscriptEvent.Frame> frames) {
    List<TranscriptEvent> events = new ArrayList<>();
    events.add(new TranscriptEvent.Open("c1", Duration.ZERO));
    frames.forEach(frame -> events.add(frame.withBody(Template.literal(frame.body().bytes()))));
    Transcript raw = new Transcript(TranscriptHeader.of(null, null, null, null), events);

    Transcript normalised = TranscriptNormaliser.normalise(raw);

    assertThat(normalised.frames()).extracting(TranscriptEvent.Frame::wire)
        .containsExactlyElementsOf(raw.frames().stream().map(TranscriptEvent.Frame::wire).toList());
    assertThat(TranscriptNormaliser.normalise(normalised)).isEqualTo(normalised);
    assertThat(TranscriptReader.parse(TranscriptWriter.toText(normalised))).isEqualTo(normalised);
  }

  @Provide
  Arbitrary<byte[]> anyBytes() {
    Arbitrary<Byte> tricky = Arbitraries.of((byte) '{', (byte) '}', (byte) '\\', (byte) ' ', (byte) '\r',
        (byte) '\n', (byte) 0xe2, (byte) 0x80, (byte) 0xa8, (byte) 0xc2, (byte) 0x85, (byte) 0xff, (byte) 'x');
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, tricky), net.jqwik.api.Tuple.of(1, any))
        .list().ofMaxSize(40)
        .map(list -> {
          byte[] bytes = new byte[list.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = list.get(i);
          }
          return bytes;
        });
  }

  @Provide
  Arbitrary<List<TranscriptEvent.Frame>> frames() {
    Arbitrary<String> json = Arbitraries.of("{\"jid\":\"abcd1234\"}", "{\"wid\":\"w\"}", "{{", "}}", " ",
        "\"2026-12-02T10:00:00.5Z\"", "\"uptime\":3", "abcd1234", "-1", "\\", "\r\n", "é", "\"jids\":[\"x\"]");
    Arbitrary<byte[]> body = Combinators.combine(json.list().ofMaxSize(5), anyBytes())
        .as((parts, bytes) -> {
          java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
          parts.forEach(part -> out.writeBytes(part.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          out.writeBytes(bytes);
          return out.toByteArray();
        });
    Arbitrary<FrameShape> shape = Arbitraries.of(FrameShape.values());
    return Combinators.combine(shape, body).as(TranscriptPropertiesTest::frame).list().ofMaxSize(8)
        .map(TranscriptPropertiesTest::timed);
  }

  private static TranscriptEvent.Frame frame(FrameShape shape, byte[] body) {
    Side sender = shape == FrameShape.LINE ? Side.CLIENT : Side.SERVER;
    Template template = shape == FrameShape.NULL_BULK ? Template.empty() : Template.literal(body);
    return new TranscriptEvent.Frame("c1", Duration.ZERO, sender, shape, template);
  }

  private static List<TranscriptEvent.Frame> timed(List<TranscriptEvent.Frame> frames) {
    List<TranscriptEvent.Frame> timed = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      TranscriptEvent.Frame f = frames.get(i);
      timed.add(new TranscriptEvent.Frame(f.connection(), Duration.ofMillis(7L * i), f.sender(), f.shape(),
          f.body()));
    }
    return timed;
  }
}
