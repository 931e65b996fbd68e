package io.github.faktorytestkit.fake.transport;

import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import java.util.HexFormat;
import java.util.List;

/**
 * Every refusal text of the TLS key pair reader ({@link X509KeyPair}), verbatim from Go 1.26's {@code crypto/tls}
 * ({@code X509KeyPair}), {@code crypto/x509} ({@code ParseCertificate}), {@code crypto/ecdsa}, {@code net/url} and
 * the NIST curves of {@code crypto/internal/fips140/nistec} as built for amd64: what real Faktory's
 * {@code tls.LoadX509KeyPair} returns for the same files. Texts with a parameter have a method that formats it as
 * Go does ({@code %q} a Go-quoted string of the bytes, {@code %x} lower-case hexadecimal, {@code %v} of a slice).
 */
final class KeyPairTexts {
  static final String NO_CERTIFICATE_PEM = "tls: failed to find any PEM data in certificate input";
  static final String SWITCHED_PEM = "tls: failed to find certificate PEM data in certificate input, but did find a "
      + "private key; PEM inputs may have been switched";
  static final String NO_KEY_PEM = "tls: failed to find any PEM data in key input";
  static final String CERTIFICATE_AS_KEY = "tls: found a certificate rather than a key in the PEM for the private key";
  static final String UNKNOWN_PKCS8_KEY = "tls: found unknown private key type in PKCS#8 wrapping";
  static final String UNPARSABLE_KEY = "tls: failed to parse private key";
  static final String UNKNOWN_PUBLIC_KEY = "tls: unknown public key algorithm";
  static final String KEY_TYPE_MISMATCH = "tls: private key type does not match public key type";
  static final String KEY_MISMATCH = "tls: private key does not match public key";

  static final String MALFORMED_CERTIFICATE = "x509: malformed certificate";
  static final String MALFORMED_TBS = "x509: malformed tbs certificate";
  static final String MALFORMED_VERSION = "x509: malformed version";
  static final String INVALID_VERSION = "x509: invalid version";
  static final String MALFORMED_SERIAL = "x509: malformed serial number";
  static final String NEGATIVE_SERIAL = "x509: negative serial number";
  static final String MALFORMED_INNER_ALGORITHM = "x509: malformed signature algorithm identifier";
  static final String MALFORMED_OUTER_ALGORITHM = "x509: malformed algorithm identifier";
  static final String ALGORITHMS_DIFFER = "x509: inner and outer signature algorithm identifiers don't match";
  static final String MALFORMED_OID = "x509: malformed OID";
  static final String MALFORMED_PARAMETERS = "x509: malformed parameters";
  /** Go's text for a malformed issuer, and for a malformed subject too. */
  static final String MALFORMED_ISSUER = "x509: malformed issuer";
  static final String MALFORMED_VALIDITY = "x509: malformed validity";
  static final String MALFORMED_UTC_TIME = "x509: malformed UTCTime";
  static final String MALFORMED_GENERALIZED_TIME = "x509: malformed GeneralizedTime";
  static final String UNSUPPORTED_TIME = "x509: unsupported time format";
  static final String MALFORMED_SPKI = "x509: malformed spki";
  static final String MALFORMED_KEY_ALGORITHM = "x509: malformed public key algorithm identifier";
  static final String MALFORMED_PUBLIC_KEY = "x509: malformed subjectPublicKey";
  static final String MALFORMED_ISSUER_UNIQUE_ID = "x509: malformed issuerUniqueID";
  static final String MALFORMED_SUBJECT_UNIQUE_ID = "x509: malformed subjectUniqueID";
  static final String MALFORMED_EXTENSIONS = "x509: malformed extensions";
  static final String MALFORMED_EXTENSION = "x509: malformed extension";
  static final String MALFORMED_EXTENSION_OID = "x509: malformed extension OID field";
  static final String MALFORMED_EXTENSION_CRITICAL = "x509: malformed extension critical field";
  static final String MALFORMED_EXTENSION_VALUE = "x509: malformed extension value field";
  static final String MALFORMED_SIGNATURE = "x509: malformed signature";
  static final String TRAILING_DATA = "x509: trailing data";

  static final String INVALID_RDN_SEQUENCE = "x509: invalid RDNSequence";
  static final String INVALID_ATTRIBUTE = "x509: invalid RDNSequence: invalid attribute";
  static final String INVALID_ATTRIBUTE_TYPE = "x509: invalid RDNSequence: invalid attribute type";
  static final String INVALID_ATTRIBUTE_VALUE = "x509: invalid RDNSequence: invalid attribute value";
  static final String INVALID_PRINTABLE_STRING = "invalid PrintableString";
  static final String INVALID_UTF8_STRING = "invalid UTF-8 string";
  static final String INVALID_BMP_STRING = "invalid BMPString";
  static final String INVALID_IA5_STRING = "invalid IA5String";
  static final String INVALID_NUMERIC_STRING = "invalid NumericString";

  static final String RSA_PARAMETERS = "x509: RSA key missing NULL parameters";
  static final String INVALID_RSA_KEY = "x509: invalid RSA public key";
  static final String INVALID_RSA_MODULUS = "x509: invalid RSA modulus";
  static final String INVALID_RSA_EXPONENT = "x509: invalid RSA public exponent";
  static final String RSA_MODULUS_NOT_POSITIVE = "x509: RSA modulus is not a positive number";
  static final String RSA_EXPONENT_NOT_POSITIVE = "x509: RSA public exponent is not a positive number";
  static final String INVALID_ECDSA_PARAMETERS = "x509: invalid ECDSA parameters";
  static final String UNSUPPORTED_CURVE = "x509: unsupported elliptic curve";
  static final String INVALID_UNCOMPRESSED_KEY = "ecdsa: invalid uncompressed public key";
  static final String ED25519_PARAMETERS = "x509: Ed25519 key encoded with illegal parameters";
  static final String ED25519_SIZE = "x509: wrong Ed25519 public key size";
  static final String INVALID_DSA_KEY = "x509: invalid DSA public key";
  static final String INVALID_DSA_PARAMETERS = "x509: invalid DSA parameters";
  static final String DSA_PARAMETER_NOT_POSITIVE = "x509: zero or negative DSA parameter";

  static final String INVALID_KEY_USAGE = "x509: invalid key usage";
  static final String INVALID_BASIC_CONSTRAINTS = "x509: invalid basic constraints";
  static final String INVALID_SANS = "x509: invalid subject alternative names";
  static final String INVALID_SAN = "x509: invalid subject alternative name";
  static final String MALFORMED_SAN_EMAIL = "x509: SAN rfc822Name is malformed";
  static final String MALFORMED_SAN_DNS = "x509: SAN dNSName is malformed";
  static final String MALFORMED_SAN_URI = "x509: SAN uniformResourceIdentifier is malformed";
  static final String INVALID_NAME_CONSTRAINTS = "x509: invalid NameConstraints extension";
  static final String EMPTY_NAME_CONSTRAINTS = "x509: empty name constraints extension";
  static final String INVALID_CRL_POINTS = "x509: invalid CRL distribution points";
  static final String INVALID_CRL_POINT = "x509: invalid CRL distribution point";
  static final String CRITICAL_AUTHORITY_KEY_ID = "x509: authority key identifier incorrectly marked critical";
  static final String INVALID_AUTHORITY_KEY_ID = "x509: invalid authority key identifier";
  static final String INVALID_POLICY_CONSTRAINTS = "x509: invalid policy constraints extension";
  static final String INVALID_EXTENDED_KEY_USAGES = "x509: invalid extended key usages";
  static final String CRITICAL_SUBJECT_KEY_ID = "x509: subject key identifier incorrectly marked critical";
  static final String INVALID_SUBJECT_KEY_ID = "x509: invalid subject key identifier";
  static final String INVALID_POLICIES = "x509: invalid certificate policies";
  static final String INVALID_POLICY_MAPPINGS = "x509: invalid policy mappings extension";
  static final String INVALID_INHIBIT_ANY_POLICY = "x509: invalid inhibit any policy extension";
  static final String CRITICAL_AUTHORITY_INFO = "x509: authority info access incorrectly marked critical";
  static final String INVALID_AUTHORITY_INFO = "x509: invalid authority info access";

  private KeyPairTexts() {}

  /** The refusal carrying {@code text}. */
  static IllegalArgumentException refusal(String text) {
    return new IllegalArgumentException(text);
  }

  /** Throws the refusal carrying {@code text} unless {@code valid}. */
  static void require(boolean valid, String text) {
    if (!valid) {
      throw refusal(text);
    }
  }

  /** {@code tls: failed to find "CERTIFICATE" PEM block ... types: [A B]}. */
  static String noCertificateBlock(List<String> skipped) {
    return "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the "
        + "following types: " + goList(skipped);
  }

  /** {@code tls: failed to find PEM block with type ending in "PRIVATE KEY" ... types: [A B]}. */
  static String noKeyBlock(List<String> skipped) {
    return "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM "
        + "blocks of the following types: " + goList(skipped);
  }

  /** A name's attribute value Go cannot read as its string type ({@code parseASN1String}'s {@code reason}). */
  static String invalidAttributeValue(String reason) {
    return INVALID_ATTRIBUTE_VALUE + ": " + reason;
  }

  /** {@code unsupported string type: <tag>}, the tag in decimal. */
  static String unsupportedStringType(int tag) {
    return "unsupported string type: " + tag;
  }

  /** {@code x509: certificate contains duplicate extension with OID "<oid>"}. */
  static String duplicateExtension(String oid) {
    return "x509: certificate contains duplicate extension with OID \"" + oid + "\"";
  }

  /** {@code invalid P256 point encoding} and the like: a point of the wrong form for {@code curve}. */
  static String invalidPoint(String curve) {
    return "invalid " + curve + " point encoding";
  }

  /**
   * A coordinate not below the field's prime: {@code invalid P256 element encoding} for P-256 (amd64's assembly),
   * {@code invalid P384Element encoding} for the others (the generic code).
   */
  static String invalidElement(String curve) {
    return curve.equals("P256") ? "invalid P256 element encoding" : "invalid " + curve + "Element encoding";
  }

  /** {@code P256 point not on curve} and the like. */
  static String notOnCurve(String curve) {
    return curve + " point not on curve";
  }

  /** {@code x509: cannot parse IP address of length <n>}. */
  static String ipAddressLength(int length) {
    return "x509: cannot parse IP address of length " + length;
  }

  /** {@code x509: cannot parse URI "<uri>": <reason>}. */
  static String unparsableUri(byte[] uri, String reason) {
    return "x509: cannot parse URI " + quote(uri) + ": " + reason;
  }

  /** {@code x509: invalid constraint value: x509: "<value>" cannot be encoded as an IA5String}. */
  static String notIa5Constraint(byte[] value) {
    return "x509: invalid constraint value: x509: " + quote(value) + " cannot be encoded as an IA5String";
  }

  /** {@code x509: failed to parse <kind> constraint "<value>"}: {@code dnsName}, {@code rfc822Name}, {@code URI}. */
  static String unparsableConstraint(String kind, byte[] value) {
    return "x509: failed to parse " + kind + " constraint " + quote(value);
  }

  /** {@code x509: failed to parse URI constraint "<value>": cannot be IP address}. */
  static String ipUriConstraint(byte[] value) {
    return unparsableConstraint("URI", value) + ": cannot be IP address";
  }

  /** {@code x509: IP constraint contained value of length <n>}. */
  static String ipConstraintLength(int length) {
    return "x509: IP constraint contained value of length " + length;
  }

  /** {@code x509: IP constraint contained invalid mask <hex>}. */
  static String ipConstraintMask(byte[] mask) {
    return "x509: IP constraint contained invalid mask " + HexFormat.of().formatHex(mask);
  }

  /** {@code parse "<url>": <reason>}: {@code url.Parse}'s error. */
  static String urlError(String url, String reason) {
    return "parse " + GoQuote.quote(url) + ": " + reason;
  }

  /** Go's {@code %q} of a string holding {@code bytes}. */
  static String quote(byte[] bytes) {
    return GoQuote.quote(GoUtf8.decode(bytes, 0, bytes.length));
  }

  /** Go's {@code %v} of a string slice: {@code [A B]}. */
  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
