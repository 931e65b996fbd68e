package io.github.faktorytestkit.fake.model.gocompat;

/**
 * Quotes strings as Go's {@code strconv.Quote} (the {@code %q} verb) does: double quotes, backslash escapes for
 * quotes, backslashes and the C escapes, {@code \xHH} for other ASCII controls, {@code \\uHHHH} or
 * {@code \\UHHHHHHHH} for non-printable characters, {@code \\xHH} for an escaped (invalid) byte ({@link GoUtf8}),
 * {@code \\ufffd} for any other lone surrogate. Printability follows Java's Unicode tables, which may lag Go's.
 */
public final class GoQuote {
  private static final String HEX = "0123456789abcdef";

  private GoQuote() {}

  /** Returns {@code text} as a Go double-quoted string literal. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(cp -> appendRune(out, cp));
    return out.append('"').toString();
  }

  private static void appendRune(StringBuilder out, int cp) {
    if (cp == '"' || cp == '\\') {
      out.append('\\').appendCodePoint(cp);
    } else if (isPrint(cp)) {
      out.appendCodePoint(cp);
    } else if (cp <= 0xFFFF && GoUtf8.isEscapedByte((char) cp)) {
      out.append("\\x").append(hex(cp & 0xff, 2));
    } else {
      appendEscaped(out, Character.isSurrogate((char) cp) && cp <= 0xFFFF ? GoStrings.REPLACEMENT : cp);
    }
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    int simple = "\u0007\b\f\n\r\t\u000b".indexOf(cp);
    if (simple >= 0) {
      out.append('\\').append("abfnrtv".charAt(simple));
    } else if (cp < ' ' || cp == 0x7f) {
      out.append("\\x").append(hex(cp, 2));
    } else if (cp < 0x10000) {
      out.append("\\u").append(hex(cp, 4));
    } else {
      out.append("\\U").append(hex(cp, 8));
    }
  }

  private static String hex(int value, int digits) {
    StringBuilder s = new StringBuilder();
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      s.append(HEX.charAt((value >> shift) & 0xf));
    }
    return s.toString();
  }

  /** Returns whether Go's {@code strconv.IsPrint} holds: letters, marks, numbers, punctuation, symbols, ASCII space. */
  static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7f;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }
}
