package io.github.faktorytestkit.fake.transport;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A certificate's extensions read as Go's {@code processExtensions} reads them, with Go's messages: the key usage,
 * basic constraints, subject alternative names and name constraints ({@link GoGeneralNames}), CRL distribution
 * points, authority and subject key identifiers (never critical), policy constraints, extended key usages,
 * certificate policies (no duplicate), policy mappings, inhibit any policy and authority information access (never
 * critical). Other extensions, critical or not, are not read: Go records the critical ones and refuses nothing.
 */
final class GoCertificateExtensions {
  private static final int SEQUENCE = 0x30;
  private static final int BOOLEAN = 0x01;
  private static final int INTEGER = 0x02;
  private static final int OCTET_STRING = 0x04;
  private static final int OBJECT_IDENTIFIER = 0x06;
  private static final int MAX_INT64_BYTES = 8;
  private static final int CONTEXT_0 = 0x80;
  private static final int CONTEXT_1 = 0x81;
  private static final int URI = 0x86;
  private static final int CONSTRUCTED_0 = 0xa0;
  private static final int[] AUTHORITY_INFO_ACCESS = {1, 3, 6, 1, 5, 5, 7, 1, 1};

  /** One extension: its identifier, whether it is critical, and its value. */
  record Extension(int[] id, boolean critical, byte[] value) {
    DerCursor reader() {
      return DerCursor.of(value);
    }
  }

  private GoCertificateExtensions() {}

  /** Go's {@code ObjectIdentifier.String}: the components joined by dots. */
  static String dotted(int[] oid) {
    return Arrays.stream(oid).mapToObj(Integer::toString).collect(Collectors.joining("."));
  }

  /** Reads the extensions in order; throws Go's refusal of the first it cannot read. */
  static void read(List<Extension> extensions) {
    for (Extension extension : extensions) {
      int[] id = extension.id();
      if (id.length == 4 && id[0] == 2 && id[1] == 5 && id[2] == 29) {
        standard(id[3], extension);
      } else if (Arrays.equals(id, AUTHORITY_INFO_ACCESS)) {
        authorityInfoAccess(extension);
      }
    }
  }

  /** The extension {@code 2.5.29.<id>}. */
  private static void standard(int id, Extension extension) {
    DerCursor value = extension.reader();
    switch (id) {
      case 15 -> KeyPairTexts.require(value.readBitString().isPresent(), KeyPairTexts.INVALID_KEY_USAGE);
      case 19 -> basicConstraints(value);
      case 17 -> GoGeneralNames.subjectAltNames(value);
      case 30 -> GoGeneralNames.nameConstraints(value);
      case 31 -> crlDistributionPoints(value);
      case 35 -> authorityKeyId(extension);
      case 36 -> policyConstraints(value);
      case 37 -> oids(value, KeyPairTexts.INVALID_EXTENDED_KEY_USAGES);
      case 14 -> subjectKeyId(extension);
      case 32 -> policies(value);
      case 33 -> policyMappings(value);
      case 54 -> KeyPairTexts.require(value.readInteger(MAX_INT64_BYTES).isPresent(),
          KeyPairTexts.INVALID_INHIBIT_ANY_POLICY);
      default -> {
        // not read by Go
      }
    }
  }

  private static void basicConstraints(DerCursor value) {
    DerCursor constraints = sequence(value, KeyPairTexts.INVALID_BASIC_CONSTRAINTS);
    if (constraints.peek(BOOLEAN)) {
      KeyPairTexts.require(constraints.readBoolean().isPresent(), KeyPairTexts.INVALID_BASIC_CONSTRAINTS);
    }
    if (constraints.peek(INTEGER)) {
      KeyPairTexts.require(constraints.readInteger(MAX_INT64_BYTES).filter(length -> length.signum() >= 0).isPresent(),
          KeyPairTexts.INVALID_BASIC_CONSTRAINTS);
    }
  }

  private static void crlDistributionPoints(DerCursor value) {
    DerCursor points = sequence(value, KeyPairTexts.INVALID_CRL_POINTS);
    while (!points.isEmpty()) {
      DerCursor point = sequence(points, KeyPairTexts.INVALID_CRL_POINT);
      if (!point.peek(CONSTRUCTED_0)) {
        continue;
      }
      DerCursor name = point.read(CONSTRUCTED_0).flatMap(n -> n.read(CONSTRUCTED_0))
          .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_CRL_POINT));
      while (name.peek(URI)) {
        KeyPairTexts.require(name.read(URI).isPresent(), KeyPairTexts.INVALID_CRL_POINT);
      }
    }
  }

  private static void authorityKeyId(Extension extension) {
    KeyPairTexts.require(!extension.critical(), KeyPairTexts.CRITICAL_AUTHORITY_KEY_ID);
    DerCursor id = sequence(extension.reader(), KeyPairTexts.INVALID_AUTHORITY_KEY_ID);
    KeyPairTexts.require(id.skipOptional(CONTEXT_0), KeyPairTexts.INVALID_AUTHORITY_KEY_ID);
  }

  private static void policyConstraints(DerCursor value) {
    DerCursor constraints = sequence(value, KeyPairTexts.INVALID_POLICY_CONSTRAINTS);
    for (int tag : new int[] {CONTEXT_0, CONTEXT_1}) {
      if (constraints.peek(tag)) {
        KeyPairTexts.require(constraints.readInteger(tag, MAX_INT64_BYTES).isPresent(),
            KeyPairTexts.INVALID_POLICY_CONSTRAINTS);
      }
    }
  }

  private static void oids(DerCursor value, String refusal) {
    DerCursor oids = sequence(value, refusal);
    while (!oids.isEmpty()) {
      KeyPairTexts.require(oids.readOid().isPresent(), refusal);
    }
  }

  private static void subjectKeyId(Extension extension) {
    KeyPairTexts.require(!extension.critical(), KeyPairTexts.CRITICAL_SUBJECT_KEY_ID);
    KeyPairTexts.require(extension.reader().read(OCTET_STRING).isPresent(), KeyPairTexts.INVALID_SUBJECT_KEY_ID);
  }

  /** Policies: each a sequence starting with an object identifier (as Go's {@code newOIDFromDER} takes it), once. */
  private static void policies(DerCursor value) {
    DerCursor policies = sequence(value, KeyPairTexts.INVALID_POLICIES);
    Set<String> seen = new HashSet<>();
    while (!policies.isEmpty()) {
      byte[] oid = sequence(policies, KeyPairTexts.INVALID_POLICIES).read(OBJECT_IDENTIFIER).map(DerCursor::rest)
          .orElseThrow(() -> KeyPairTexts.refusal(KeyPairTexts.INVALID_POLICIES));
      KeyPairTexts.require(seen.add(Arrays.toString(oid)) && oidBytes(oid), KeyPairTexts.INVALID_POLICIES);
    }
  }

  /** Go's {@code newOIDFromDER}: not empty, the last byte ends a component, no component starts with 0x80. */
  private static boolean oidBytes(byte[] oid) {
    if (oid.length == 0 || (oid[oid.length - 1] & 0x80) != 0) {
      return false;
    }
    boolean start = true;
    for (byte b : oid) {
      if (start && (b & 0xff) == 0x80) {
        return false;
      }
      start = (b & 0x80) == 0;
    }
    return true;
  }

  private static void policyMappings(DerCursor value) {
    DerCursor mappings = sequence(value, KeyPairTexts.INVALID_POLICY_MAPPINGS);
    while (!mappings.isEmpty()) {
      DerCursor mapping = sequence(mappings, KeyPairTexts.INVALID_POLICY_MAPPINGS);
      KeyPairTexts.require(mapping.read(OBJECT_IDENTIFIER).isPresent() && mapping.read(OBJECT_IDENTIFIER).isPresent(),
          KeyPairTexts.INVALID_POLICY_MAPPINGS);
    }
  }

  private static void authorityInfoAccess(Extension extension) {
    KeyPairTexts.require(!extension.critical(), KeyPairTexts.CRITICAL_AUTHORITY_INFO);
    DerCursor descriptions = sequence(extension.reader(), KeyPairTexts.INVALID_AUTHORITY_INFO);
    while (!descriptions.isEmpty()) {
      DerCursor description = sequence(descriptions, KeyPairTexts.INVALID_AUTHORITY_INFO);
      KeyPairTexts.require(description.readOid().isPresent() && description.skipOptional(URI),
          KeyPairTexts.INVALID_AUTHORITY_INFO);
    }
  }

  private static DerCursor sequence(DerCursor value, String refusal) {
    return value.read(SEQUENCE).orElseThrow(() -> KeyPairTexts.refusal(refusal));
  }
}
