package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.transport.DerCursor.Tagged;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The names of the subject alternative names and name constraints extensions read as Go's {@code parseSANExtension}
 * and {@code parseNameConstraintsExtension} read them, with Go's messages: e-mail addresses, DNS names and URIs in
 * ASCII, URIs as Go's {@code url.Parse} takes them ({@link GoUrls}) with a valid domain if they have a host, IP
 * addresses of 4 or 16 bytes; constraints on DNS names, e-mail addresses (a mailbox as Go's
 * {@code parseRFC2821Mailbox} reads it, or a domain), URI domains (not an IP address) and IP ranges (a contiguous
 * mask). Other kinds of names are not read, as by Go.
 */
final class GoGeneralNames {
  private static final int SEQUENCE = 0x30;
  private static final int EMAIL = 1;
  private static final int DNS = 2;
  private static final int URI = 6;
  private static final int IP = 7;
  private static final int CONTEXT = 0x80;
  private static final int PERMITTED = 0xa0;
  private static final int EXCLUDED = 0xa1;
  private static final int IPV4_LENGTH = 4;
  private static final int IPV6_LENGTH = 16;

  private GoGeneralNames() {}

  /** Reads a subject alternative names extension's value; throws Go's refusal. */
  static void subjectAltNames(DerCursor value) {
    DerCursor names = value.read(SEQUENCE).orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_SANS));
    while (!names.isEmpty()) {
      Tagged name = names.readAny().orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_SAN));
      alternativeName(name.tag() ^ CONTEXT, name.contents().rest());
    }
  }

  private static void alternativeName(int kind, byte[] name) {
    switch (kind) {
      case EMAIL -> KeyPairTexts.require(GoNames.ia5(name), KeyPairTexts.MALFORMED_SAN_EMAIL);
      case DNS -> KeyPairTexts.require(GoNames.ia5(name), KeyPairTexts.MALFORMED_SAN_DNS);
      case URI -> uri(name);
      case IP -> KeyPairTexts.require(name.length == IPV4_LENGTH || name.length == IPV6_LENGTH,
          KeyPairTexts.ipAddressLength(name.length));
      default -> {
        // not read by Go
      }
    }
  }

  private static void uri(byte[] name) {
    KeyPairTexts.require(GoNames.ia5(name), KeyPairTexts.MALFORMED_SAN_URI);
    String uri = new String(name, StandardCharsets.US_ASCII);
    GoUrls.Parsed parsed = GoUrls.parse(uri);
    parsed.error().ifPresent(reason -> {
      throw KeyPairTexts.refusal(KeyPairTexts.unparsableUri(name, reason));
    });
    KeyPairTexts.require(domainNameValid(parsed.host(), false), KeyPairTexts.unparsableUri(name, "invalid domain"));
  }

  /** Reads a name constraints extension's value; throws Go's refusal. */
  static void nameConstraints(DerCursor value) {
    DerCursor constraints = value.read(SEQUENCE).filter(c -> value.isEmpty())
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_NAME_CONSTRAINTS));
    Optional<DerCursor> permitted = optional(constraints, PERMITTED);
    Optional<DerCursor> excluded = optional(constraints, EXCLUDED);
    KeyPairTexts.require(constraints.isEmpty(), KeyPairTexts.INVALID_NAME_CONSTRAINTS);
    int permittedBytes = permitted.map(DerCursor::remaining).orElse(0);
    int excludedBytes = excluded.map(DerCursor::remaining).orElse(0);
    KeyPairTexts.require(permittedBytes + excludedBytes > 0, KeyPairTexts.EMPTY_NAME_CONSTRAINTS);
    permitted.ifPresent(GoGeneralNames::subtrees);
    excluded.ifPresent(GoGeneralNames::subtrees);
  }

  private static Optional<DerCursor> optional(DerCursor constraints, int tag) {
    if (!constraints.peek(tag)) {
      return Optional.empty();
    }
    return Optional.of(constraints.read(tag)
        .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_NAME_CONSTRAINTS)));
  }

  private static void subtrees(DerCursor subtrees) {
    while (!subtrees.isEmpty()) {
      Tagged base = subtrees.read(SEQUENCE).flatMap(DerCursor::readAny)
          .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_NAME_CONSTRAINTS));
      byte[] value = base.contents().rest();
      switch (base.tag() ^ CONTEXT) {
        case DNS -> domainConstraint("dnsName", value);
        case IP -> ipConstraint(value);
        case EMAIL -> emailConstraint(value);
        case URI -> uriConstraint(value);
        default -> {
          // not read by Go
        }
      }
    }
  }

  private static void domainConstraint(String kind, byte[] value) {
    KeyPairTexts.require(GoNames.ia5(value), KeyPairTexts.notIa5Constraint(value));
    KeyPairTexts.require(domainNameValid(ascii(value), true), KeyPairTexts.unparsableConstraint(kind, value));
  }

  private static void ipConstraint(byte[] value) {
    KeyPairTexts.require(value.length == 2 * IPV4_LENGTH || value.length == 2 * IPV6_LENGTH,
        KeyPairTexts.ipConstraintLength(value.length));
    byte[] mask = Arrays.copyOfRange(value, value.length / 2, value.length);
    KeyPairTexts.require(contiguous(mask), KeyPairTexts.ipConstraintMask(mask));
  }

  private static void emailConstraint(byte[] value) {
    KeyPairTexts.require(GoNames.ia5(value), KeyPairTexts.notIa5Constraint(value));
    String constraint = ascii(value);
    boolean valid = constraint.contains("@") ? GoMailboxes.valid(constraint) : domainNameValid(constraint, true);
    KeyPairTexts.require(valid, KeyPairTexts.unparsableConstraint("rfc822Name", value));
  }

  private static void uriConstraint(byte[] value) {
    KeyPairTexts.require(GoNames.ia5(value), KeyPairTexts.notIa5Constraint(value));
    String domain = ascii(value);
    KeyPairTexts.require(!GoIpAddresses.valid(domain), KeyPairTexts.ipUriConstraint(value));
    KeyPairTexts.require(domainNameValid(domain, true), KeyPairTexts.unparsableConstraint("URI", value));
  }

  /** Go's {@code isValidIPMask}: ones, then zeros. */
  private static boolean contiguous(byte[] mask) {
    boolean seenZero = false;
    for (byte b : mask) {
      int bits = b & 0xff;
      boolean ones = Integer.bitCount(bits) == Integer.numberOfLeadingZeros(~bits & 0xff) - 24;
      if (seenZero ? bits != 0 : !ones) {
        return false;
      }
      seenZero |= bits != 0xff;
    }
    return true;
  }

  /**
   * Go's {@code domainNameValid}: empty, or labels of printable ASCII without a space, none empty (a constraint
   * may start with a dot), no dot at the end.
   */
  static boolean domainNameValid(String name, boolean constraint) {
    if (name.isEmpty()) {
      return true;
    }
    if (name.endsWith(".")) {
      return false;
    }
    String labels = constraint && name.startsWith(".") ? name.substring(1) : name;
    for (String label : labels.split("\\.", -1)) {
      if (label.isEmpty() || !label.chars().allMatch(c -> c >= 33 && c <= 126)) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] value) {
    return new String(value, StandardCharsets.US_ASCII);
  }
}
