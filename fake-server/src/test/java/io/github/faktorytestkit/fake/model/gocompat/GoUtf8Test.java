package io.github.faktorytestkit.fake.model.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Expected values are what Go 1.26 printed for the same bytes ({@code strconv.Quote}, {@code json.Marshal}, ...). */
class GoUtf8Test {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static String decode(int... bytes) {
    return GoUtf8.decodeReplacing(bytes(bytes));
  }

  private static String lossless(int... values) {
    byte[] b = bytes(values);
    return GoUtf8.decode(b, 0, b.length);
  }

  @Test
  void validTextOfEveryLengthIsKept() {
    assertThat(decode('a', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF4, 0x8F, 0xBF, 0xBF)).isEqualTo("aé€\uDBFF\uDFFF");
    assertThat(lossless('a', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF4, 0x8F, 0xBF, 0xBF)).isEqualTo("aé€\uDBFF\uDFFF");
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

  @Test
  void eachInvalidByteIsKeptAsItsEscapedByte() {
    assertThat(lossless('F', 'O', 'O', 0xFF)).isEqualTo("FOO\uDCFF");
    assertThat(lossless('a', 0xED, 0xA0, 0x80)).isEqualTo("a\uDCED\uDCA0\uDC80");
    assertThat(lossless(0xC3, '(')).isEqualTo("\uDCC3(");
    assertThat(GoUtf8.hasEscapedByte("FOO\uDCFF")).isTrue();
    assertThat(GoUtf8.hasEscapedByte("FOO\uFFFD\uDBFF\uDFFF")).isFalse();
  }

  @Test
  void encodeGivesBackTheBytesAndWritesAnyOtherLoneSurrogateAsReplacement() {
    assertThat(GoUtf8.encode("é\uDC80x")).containsExactly(bytes(0xC3, 0xA9, 0x80, 'x'));
    assertThat(GoUtf8.encode("\uD800\uDC41")).containsExactly(bytes(0xF0, 0x90, 0x81, 0x81));
    assertThat(GoUtf8.encode("\uD800x\uDC41")).containsExactly(bytes(0xEF, 0xBF, 0xBD, 'x', 0xEF, 0xBF, 0xBD));
  }

  @Test
  void anAsciiTextWithAQuestionMarkStillHasItsEscapedBytesWritten() {
    // the JDK writes a lone surrogate as '?', so ASCII-only output holding one is not taken as the text's bytes
    assertThat(GoUtf8.encode("a?\uDC80")).containsExactly(bytes('a', '?', 0x80));
    assertThat(GoUtf8.encode("\uDCFF?")).containsExactly(bytes(0xFF, '?'));
    assertThat(GoUtf8.encode("why?")).containsExactly(bytes('w', 'h', 'y', '?'));
  }

  @Property(tries = 300)
  void decodingIsLosslessForAnyBytes(@ForAll byte[] anyBytes) {
    assertThat(GoUtf8.encode(GoUtf8.decode(anyBytes, 0, anyBytes.length))).containsExactly(anyBytes);
    assertThat(GoUtf8.repair(GoUtf8.decode(anyBytes, 0, anyBytes.length))).isEqualTo(GoUtf8.decodeReplacing(anyBytes));
  }

  @Test
  void goToUpperSeesAReplacementWhereQuoteSeesTheByte() {
    assertThat(GoUtf8.repair("a\uDCFFb")).isEqualTo("a\uFFFDb");
    // strconv.Quote("a\xffb"), strconv.Quote("é\x80"), strconv.Quote("\xed\xa0\x80")
    assertThat(GoQuote.quote("a\uDCFFb")).isEqualTo("\"a\\xffb\"");
    assertThat(GoQuote.quote(lossless(0xC3, 0xA9, 0x80))).isEqualTo("\"é\\x80\"");
    assertThat(GoQuote.quote(lossless(0xED, 0xA0, 0x80))).isEqualTo("\"\\xed\\xa0\\x80\"");
  }

  @Test
  void jsonMarshalWritesAnInvalidByteAsTheReplacementEscape() {
    // json.Marshal(map[string]float64{"w-\xff": 0, "w-\xc3": 1}): keys sorted by bytes
    assertThat(GoJsonWriter.write(Map.of("w-\uDCFF", 0, "w-\uDCC3", 1))).isEqualTo("{\"w-\\ufffd\":1,\"w-\\ufffd\":0}");
    assertThat(GoJsonWriter.write(List.of(lossless(0xC3, 0xA9, 0x80)))).isEqualTo("[\"é\\ufffd\"]");
  }

  @Test
  void jsonSyntaxErrorsQuoteTheInvalidByteAsItsLatin1Rune() {
    // json.Unmarshal([]byte("[\xfe]"), &v), "\x80", "{\"a\":1\xc3}", "\xe9"
    assertThatThrownBy(() -> GoJson.parse(lossless('[', 0xFE, ']')))
        .hasMessage("invalid character 'þ' looking for beginning of value");
    assertThatThrownBy(() -> GoJson.parse(lossless(0x80)))
        .hasMessage("invalid character '\\u0080' looking for beginning of value");
    assertThatThrownBy(() -> GoJson.parse(lossless('{', '"', 'a', '"', ':', '1', 0xC3, '}')))
        .hasMessage("invalid character 'Ã' after object key:value pair");
    assertThatThrownBy(() -> GoJson.parse(lossless(0xE9)))
        .hasMessage("invalid character 'é' looking for beginning of value");
  }

  @Test
  void insideAJsonStringEachInvalidByteIsOneReplacement() throws GoJsonException {
    // json.Unmarshal([]byte("\"a\xffb\xed\xa0\x80\""), &s)
    assertThat(GoJson.parse(lossless('"', 'a', 0xFF, 'b', 0xED, 0xA0, 0x80, '"'))).isEqualTo("a\uFFFDb\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void truncationKeepsACutCharacterAsEscapedBytes() {
    assertThat(GoStrings.truncateBytes("aé", 2)).isEqualTo("a\uDCC3");
    assertThat(GoStrings.truncateBytes("a\uDCFFbc", 3)).isEqualTo("a\uDCFFb");
  }
}
