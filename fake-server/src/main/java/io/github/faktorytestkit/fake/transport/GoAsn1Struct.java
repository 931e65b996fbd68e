package io.github.faktorytestkit.fake.transport;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a SEQUENCE read as Go's {@code encoding/asn1} {@code Unmarshal} reads a struct's, the reader of Go's
 * private key parsers (where certificates have {@code cryptobyte}, {@link DerCursor}): tags of any number, definite
 * lengths in their shortest form, a required field that is missing or of another tag refused, an optional one of
 * another tag left out, an explicitly tagged one read from the bytes after its tag (whatever the tag's length says),
 * bytes after the last field not read; integers in their shortest form (of 8 bytes at most for an {@code int}),
 * object identifiers of components below 2^31, bit strings whose unused bits are zero. A field Go cannot read throws
 * {@link Unreadable}.
 */
final class GoAsn1Struct {
  private static final int UNIVERSAL = 0;
  private static final int CONTEXT_SPECIFIC = 2;
  private static final int SEQUENCE = 16;
  private static final int INTEGER = 2;
  private static final int BIT_STRING = 3;
  private static final int OCTET_STRING = 4;
  private static final int OBJECT_IDENTIFIER = 6;
  private static final int MAX_LENGTH_BEFORE_SHIFT = 1 << 23;
  private static final int MAX_INT64_BYTES = 8;

  /** What Go's {@code encoding/asn1} cannot read. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** An element's identifier and length, and where its contents start. */
  private record Header(int tagClass, boolean compound, int tag, int length, int contents) {}

  private final byte[] bytes;
  private final int end;
  private int offset;

  private GoAsn1Struct(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.offset = start;
    this.end = end;
  }

  /** The fields of the SEQUENCE {@code der} starts with ({@code Unmarshal}); bytes after it are not read. */
  static GoAsn1Struct of(byte[] der) {
    return new GoAsn1Struct(der, 0, der.length).structure();
  }

  /** As {@link #of}, with no byte allowed after the SEQUENCE. */
  static GoAsn1Struct whole(byte[] der) {
    GoAsn1Struct top = new GoAsn1Struct(der, 0, der.length);
    GoAsn1Struct fields = top.structure();
    require(top.offset == der.length);
    return fields;
  }

  /** The contents of an OCTET STRING {@code der} starts with, as {@code Unmarshal} into a {@code []byte} reads it. */
  static byte[] octetString(byte[] der) {
    return new GoAsn1Struct(der, 0, der.length).required(OCTET_STRING, false);
  }

  /** The OBJECT IDENTIFIER {@code der} starts with, as {@code Unmarshal} into an {@code ObjectIdentifier} reads it. */
  static Optional<int[]> objectIdentifier(byte[] der) {
    try {
      return Optional.of(oid(new GoAsn1Struct(der, 0, der.length).required(OBJECT_IDENTIFIER, false)));
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  /** A field of another structure (a nested {@code struct}). */
  GoAsn1Struct structure() {
    return fields(required(SEQUENCE, true));
  }

  /** An {@code int} field. */
  long int64() {
    byte[] contents = required(INTEGER, false);
    BigInteger value = integer(contents);
    require(contents.length <= MAX_INT64_BYTES);
    return value.longValue();
  }

  /** A {@code *big.Int} field. */
  BigInteger bigInteger() {
    return integer(required(INTEGER, false));
  }

  /** An optional {@code *big.Int} field. */
  Optional<BigInteger> optionalBigInteger() {
    return optional(INTEGER, false).map(GoAsn1Struct::integer);
  }

  /**
   * An optional {@code []T} field of structures ({@code parseSequenceOf}): the fields of each element, each a
   * SEQUENCE; none when the field is absent.
   */
  List<GoAsn1Struct> optionalStructures() {
    List<GoAsn1Struct> elements = new ArrayList<>();
    Optional<GoAsn1Struct> sequence = optional(SEQUENCE, true).map(GoAsn1Struct::fields);
    while (sequence.isPresent() && sequence.get().offset < sequence.get().end) {
      elements.add(sequence.get().structure());
    }
    return elements;
  }

  /** A {@code []byte} field: an OCTET STRING's contents. */
  byte[] octets() {
    return required(OCTET_STRING, false);
  }

  /** An {@code ObjectIdentifier} field. */
  int[] objectIdentifier() {
    return oid(required(OBJECT_IDENTIFIER, false));
  }

  /** An optional {@code RawValue} field: any element, header included ({@code FullBytes}); empty when absent. */
  byte[] optionalAny() {
    if (offset == end) {
      return new byte[0];
    }
    int start = offset;
    Header header = header(offset);
    offset = within(header);
    return Arrays.copyOfRange(bytes, start, offset);
  }

  /** An optional {@code ObjectIdentifier} field tagged {@code explicit,tag:n}. */
  Optional<int[]> optionalExplicitObjectIdentifier(int tag) {
    return optionalExplicit(tag, OBJECT_IDENTIFIER).map(GoAsn1Struct::oid);
  }

  /** An optional {@code BitString} field tagged {@code explicit,tag:n}: read as Go reads it, then dropped. */
  void optionalExplicitBitString(int tag) {
    optionalExplicit(tag, BIT_STRING).ifPresent(GoAsn1Struct::checkBitString);
  }

  private static GoAsn1Struct fields(byte[] contents) {
    return new GoAsn1Struct(contents, 0, contents.length);
  }

  private byte[] required(int tag, boolean compound) {
    require(offset < end);
    Header header = header(offset);
    require(header.tagClass() == UNIVERSAL && header.tag() == tag && header.compound() == compound);
    return take(header);
  }

  private Optional<byte[]> optional(int tag, boolean compound) {
    if (offset == end) {
      return Optional.empty();
    }
    Header header = header(offset);
    if (header.tagClass() != UNIVERSAL || header.tag() != tag || header.compound() != compound) {
      return Optional.empty();
    }
    return Optional.of(take(header));
  }

  private Optional<byte[]> optionalExplicit(int explicitTag, int tag) {
    if (offset == end) {
      return Optional.empty();
    }
    Header explicit = header(offset);
    require(explicit.contents() != end);
    if (explicit.tagClass() != CONTEXT_SPECIFIC || explicit.tag() != explicitTag
        || explicit.length() != 0 && !explicit.compound()) {
      return Optional.empty();
    }
    require(explicit.length() > 0);
    Header inner = header(explicit.contents());
    if (inner.tagClass() != UNIVERSAL || inner.tag() != tag || inner.compound()) {
      return Optional.empty();
    }
    return Optional.of(take(inner));
  }

  private byte[] take(Header header) {
    offset = within(header);
    return Arrays.copyOfRange(bytes, header.contents(), offset);
  }

  /** The end of the element of {@code header}, which must end by this structure's end ({@code data truncated}). */
  private int within(Header header) {
    require((long) header.contents() + header.length() <= end);
    return header.contents() + header.length();
  }

  /** {@code parseTagAndLength}. */
  private Header header(int at) {
    int b = bytes[at] & 0xff;
    int position = at + 1;
    int tag = b & 0x1f;
    if (tag == 0x1f) {
      long[] read = base128(bytes, position, end);
      tag = (int) read[0];
      position = (int) read[1];
      require(tag >= 0x1f);
    }
    require(position < end);
    int first = bytes[position++] & 0xff;
    int length = first;
    if ((first & 0x80) != 0) {
      int count = first & 0x7f;
      require(count != 0);
      length = 0;
      for (int i = 0; i < count; i++) {
        require(position < end && length < MAX_LENGTH_BEFORE_SHIFT);
        length = length << 8 | bytes[position++] & 0xff;
        require(length != 0);
      }
      require(length >= 0x80);
    }
    return new Header(b >>> 6, (b & 0x20) != 0, tag, length, position);
  }

  /** {@code parseBase128Int} from {@code at}: the value and where it ends. */
  private static long[] base128(byte[] bytes, int at, int end) {
    long value = 0;
    int position = at;
    for (int shifted = 0; position < end; shifted++) {
      require(shifted < 5);
      int b = bytes[position++] & 0xff;
      require(shifted != 0 || b != 0x80);
      value = value << 7 | b & 0x7f;
      if ((b & 0x80) == 0) {
        require(value <= Integer.MAX_VALUE);
        return new long[] {value, position};
      }
    }
    throw new Unreadable();
  }

  private static int[] oid(byte[] contents) {
    require(contents.length > 0);
    int[] components = new int[contents.length + 1];
    long[] first = base128(contents, 0, contents.length);
    components[0] = first[0] < 80 ? (int) first[0] / 40 : 2;
    components[1] = first[0] < 80 ? (int) first[0] % 40 : (int) first[0] - 80;
    int count = 2;
    for (int at = (int) first[1]; at < contents.length; ) {
      long[] next = base128(contents, at, contents.length);
      components[count++] = (int) next[0];
      at = (int) next[1];
    }
    return Arrays.copyOf(components, count);
  }

  /** {@code checkInteger}, then the value. */
  private static BigInteger integer(byte[] contents) {
    require(contents.length > 0);
    require(contents.length == 1
        || !(contents[0] == 0 && contents[1] >= 0 || contents[0] == -1 && contents[1] < 0));
    return new BigInteger(contents);
  }

  private static void checkBitString(byte[] contents) {
    require(contents.length > 0);
    int padding = contents[0] & 0xff;
    require(padding <= 7 && !(contents.length == 1 && padding > 0)
        && (contents[contents.length - 1] & ((1 << padding) - 1)) == 0);
  }

  private static void require(boolean readable) {
    if (!readable) {
      throw new Unreadable();
    }
  }
}
