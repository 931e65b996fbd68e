package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.DerCursor.Tagged;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A certificate's issuer or subject read as Go's {@code parseName} reads it: a sequence of sets of (type, value)
 * sequences, each type an object identifier and each value one of the string types Go reads ({@code
 * parseASN1String}: T61String as Latin-1, PrintableString, UTF8String, BMPString, IA5String, NumericString), with
 * Go's messages. What follows a value inside its sequence is not read, as by Go.
 */
final class GoNames {
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;
  private static final int UTF8_STRING = 12;
  private static final int NUMERIC_STRING = 18;
  private static final int PRINTABLE_STRING = 19;
  private static final int T61_STRING = 20;
  private static final int IA5_STRING = 22;
  private static final int BMP_STRING = 30;
  private static final String PRINTABLE_SYMBOLS = "'()+,-./ :=?*&";

  private GoNames() {}

  /** Reads a name, the contents of its sequence; throws Go's refusal. */
  static void read(DerCursor sequence) {
    while (!sequence.isEmpty()) {
      DerCursor set = sequence.read(SET).orElseThrow(() -> refusal(KeyPairTexts.INVALID_RDN_SEQUENCE));
      while (!set.isEmpty()) {
        attribute(set.read(SEQUENCE).orElseThrow(() -> refusal(KeyPairTexts.INVALID_ATTRIBUTE)));
      }
    }
  }

  private static void attribute(DerCursor attribute) {
    attribute.readOid().orElseThrow(() -> refusal(KeyPairTexts.INVALID_ATTRIBUTE_TYPE));
    Tagged value = attribute.readAny().orElseThrow(() -> refusal(KeyPairTexts.INVALID_ATTRIBUTE_VALUE));
    stringRefusal(value.tag(), value.contents().rest()).ifPresent(reason -> {
      throw refusal(KeyPairTexts.invalidAttributeValue(reason));
    });
  }

  /** Why Go cannot read {@code value} as a string of type {@code tag}, or empty when it can. */
  private static Optional<String> stringRefusal(int tag, byte[] value) {
    return switch (tag) {
      case T61_STRING -> Optional.empty();
      case PRINTABLE_STRING -> check(all(value, GoNames::printable), KeyPairTexts.INVALID_PRINTABLE_STRING);
      case UTF8_STRING -> check(utf8(value), KeyPairTexts.INVALID_UTF8_STRING);
      case BMP_STRING -> check(bmp(value), KeyPairTexts.INVALID_BMP_STRING);
      case IA5_STRING -> check(ia5(value), KeyPairTexts.INVALID_IA5_STRING);
      case NUMERIC_STRING -> check(all(value, GoNames::numeric), KeyPairTexts.INVALID_NUMERIC_STRING);
      default -> Optional.of(KeyPairTexts.unsupportedStringType(tag));
    };
  }

  /** Whether Go's {@code isIA5String} holds for a string of these bytes: ASCII only. */
  static boolean ia5(byte[] value) {
    return all(value, b -> b < 0x80);
  }

  private static Optional<String> check(boolean valid, String reason) {
    return valid ? Optional.empty() : Optional.of(reason);
  }

  private static boolean all(byte[] value, IntPredicate predicate) {
    for (byte b : value) {
      if (!predicate.test(b & 0xff)) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code isPrintable}, with the {@code *} and {@code &} it lets through. */
  private static boolean printable(int b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || PRINTABLE_SYMBOLS.indexOf(b) >= 0;
  }

  private static boolean numeric(int b) {
    return b == ' ' || b >= '0' && b <= '9';
  }

  private static boolean utf8(byte[] value) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** UCS-2: an even length, one terminating zero pair dropped, no surrogate and no non-character. */
  private static boolean bmp(byte[] value) {
    if (value.length % 2 != 0) {
      return false;
    }
    int length = value.length >= 2 && value[value.length - 1] == 0 && value[value.length - 2] == 0
        ? value.length - 2 : value.length;
    for (int i = 0; i < length; i += 2) {
      int point = (value[i] & 0xff) << 8 | value[i + 1] & 0xff;
      if (point == 0xfffe || point == 0xffff || point >= 0xfdd0 && point <= 0xfdef
          || point >= 0xd800 && point <= 0xdfff) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException refusal(String text) {
    return KeyPairTexts.refusal(text);
  }
}
