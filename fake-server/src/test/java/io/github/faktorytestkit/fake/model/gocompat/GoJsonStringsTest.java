package io.github.faktorytestkit.fake.model.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * String literals are decoded run by run (the raw bytes between two escapes at once): the result is the same as
 * decoding each run on its own as Go ranges over bytes, joined by the escapes' values.
 */
class GoJsonStringsTest {
  private static final String[] ESCAPES = {"\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\udc00"};
  private static final String[] ESCAPED = {"\n", "\"", "é", "\uD83D\uDE00", "\uFFFD", "\uFFFD"};

  /** The bytes with each quote, backslash and control byte (which end a raw run) turned into 'x'. */
  private static byte[] raw(byte[] bytes) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '"' || out[i] == '\\' || (out[i] & 0xff) < 0x20) {
        out[i] = 'x';
      }
    }
    return out;
  }

  private static String literal(byte[] first, String escape, byte[] second) {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    json.write('"');
    json.writeBytes(first);
    json.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
    json.writeBytes(second);
    json.write('"');
    byte[] bytes = json.toByteArray();
    return GoUtf8.decode(bytes, 0, bytes.length);
  }

  @Property(tries = 500)
  void eachRawRunDecodesAsGoRangesOverItsBytes(@ForAll byte[] first, @ForAll byte[] second,
      @ForAll @IntRange(max = 5) int escape) throws GoJsonException {
    byte[] a = raw(first);
    byte[] b = raw(second);
    assertThat(GoJson.parse(literal(a, ESCAPES[escape], b)))
        .isEqualTo(GoUtf8.decodeReplacing(a) + ESCAPED[escape] + GoUtf8.decodeReplacing(b));
  }

  @Property(tries = 500)
  void validUtf8DecodesAsJavaDecodesIt(@ForAll String text) {
    String valid = GoUtf8.repair(text);
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    assertThat(GoUtf8.decode(bytes, 0, bytes.length)).isEqualTo(valid);
    assertThat(GoUtf8.decodeReplacing(bytes)).isEqualTo(valid);
  }

  @Property(tries = 500)
  void writtenStringsParseBackAsGoSeesThem(@ForAll String text) throws GoJsonException {
    assertThat(GoJson.parse(GoJsonWriter.write(text))).isEqualTo(GoUtf8.repair(text));
  }
}
