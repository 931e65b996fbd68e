package io.github.faktorytestkit.fake.transport;

import static io.github.faktorytestkit.fake.transport.Der.concat;
import static io.github.faktorytestkit.fake.transport.Der.extension;
import static io.github.faktorytestkit.fake.transport.Der.hex;
import static io.github.faktorytestkit.fake.transport.Der.integer;
import static io.github.faktorytestkit.fake.transport.Der.octetString;
import static io.github.faktorytestkit.fake.transport.Der.oid;
import static io.github.faktorytestkit.fake.transport.Der.sequence;
import static io.github.faktorytestkit.fake.transport.Der.string;
import static io.github.faktorytestkit.fake.transport.Der.tlv;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EC test certificate with one extension of a test's making, read with its key as Go's {@code tls.X509KeyPair}
 * reads it: each refusal is the message Go 1.26.8 gives for the same files (checked with a throw-away program calling
 * {@code tls.X509KeyPair} on them), each accepted oddity one Go accepts too.
 */
class CertificateExtensionsTest {
  private static final String KEY = TestKeys.pem("ec-sec1.key.pem");

  static Stream<Arguments> standard() {
    return Stream.of(
        arguments("a key usage not a bit string", ext("2.5.29.15", octetString(hex("00"))), "x509: invalid key usage"),
        arguments("basic constraints not a sequence", ext("2.5.29.19", integer(1)),
            "x509: invalid basic constraints"),
        arguments("a path length below 0", ext("2.5.29.19", sequence(integer(-1))), "x509: invalid basic constraints"),
        arguments("a CA flag of 1", ext("2.5.29.19", sequence(hex("010101"))), "x509: invalid basic constraints"),
        arguments("a path length of 2^63 - 1", ext("2.5.29.19", sequence(hex("0101ff"),
            tlv(0x02, hex("7fffffffffffffff")))), ""),
        arguments("CRL points not a sequence", ext("2.5.29.31", integer(1)), "x509: invalid CRL distribution points"),
        arguments("a CRL point not a sequence", ext("2.5.29.31", sequence(integer(1))),
            "x509: invalid CRL distribution point"),
        arguments("a CRL point name without its full name", ext("2.5.29.31", sequence(sequence(tlv(0xa0,
            integer(1))))), "x509: invalid CRL distribution point"),
        arguments("a CRL point of a URI", ext("2.5.29.31", sequence(sequence(tlv(0xa0, tlv(0xa0,
            string(0x86, "http://crl/"), integer(1)))))), ""),
        arguments("a critical authority key id", crit("2.5.29.35", sequence()),
            "x509: authority key identifier incorrectly marked critical"),
        arguments("an authority key id not a sequence", ext("2.5.29.35", integer(1)),
            "x509: invalid authority key identifier"),
        arguments("a critical subject key id", crit("2.5.29.14", octetString(hex("01"))),
            "x509: subject key identifier incorrectly marked critical"),
        arguments("a subject key id not an octet string", ext("2.5.29.14", integer(1)),
            "x509: invalid subject key identifier"),
        arguments("policy constraints not a sequence", ext("2.5.29.36", integer(1)),
            "x509: invalid policy constraints extension"),
        arguments("a policy constraint of 9 bytes", ext("2.5.29.36", sequence(tlv(0x80, hex("010000000000000000")))),
            "x509: invalid policy constraints extension"),
        arguments("policy constraints", ext("2.5.29.36", sequence(tlv(0x80, hex("00")), tlv(0x81, hex("05")))), ""),
        arguments("an extended key usage not an OID", ext("2.5.29.37", sequence(integer(1))),
            "x509: invalid extended key usages"),
        arguments("a policy twice", ext("2.5.29.32", sequence(sequence(oid("1.2.3")), sequence(oid("1.2.3")))),
            "x509: invalid certificate policies"),
        arguments("a policy of an unfinished OID", ext("2.5.29.32", sequence(sequence(tlv(0x06, hex("2a86"))))),
            "x509: invalid certificate policies"),
        arguments("a policy of a huge OID", ext("2.5.29.32", sequence(sequence(tlv(0x06,
            hex("2a8f8f8f8f8f8f8f8f8f01"))))), ""),
        arguments("a policy mapping without its subject", ext("2.5.29.33", sequence(sequence(oid("1.2.3")))),
            "x509: invalid policy mappings extension"),
        arguments("inhibit any policy not an integer", ext("2.5.29.54", octetString(hex("00"))),
            "x509: invalid inhibit any policy extension"),
        arguments("a critical authority info access", crit("1.3.6.1.5.5.7.1.1", sequence()),
            "x509: authority info access incorrectly marked critical"),
        arguments("an access description without a method", ext("1.3.6.1.5.5.7.1.1", sequence(sequence())),
            "x509: invalid authority info access"),
        arguments("an access description of a URI", ext("1.3.6.1.5.5.7.1.1", sequence(sequence(
            oid("1.3.6.1.5.5.7.48.1"), string(0x86, "http://ocsp/")))), ""),
        arguments("an unknown critical extension of 2.5.29", crit("2.5.29.99", hex("ff")), ""));
  }

  static Stream<Arguments> alternativeNames() {
    return Stream.of(
        arguments("names not a sequence", ext("2.5.29.17", integer(1)), "x509: invalid subject alternative names"),
        arguments("a name of a high tag", ext("2.5.29.17", sequence(hex("9f0100"))),
            "x509: invalid subject alternative name"),
        san("an e-mail address not ASCII", string(0x81, "\u00e9@a"), "x509: SAN rfc822Name is malformed"),
        san("a DNS name not ASCII", string(0x82, "\u00e9"), "x509: SAN dNSName is malformed"),
        san("a DNS name Go does not check", string(0x82, "a..b."), ""),
        san("a URI not ASCII", string(0x86, "\u00e9"), "x509: SAN uniformResourceIdentifier is malformed"),
        san("an IP address of 5 bytes", tlv(0x87, hex("0102030405")), "x509: cannot parse IP address of length 5"),
        san("an IPv6 address", tlv(0x87, hex("00".repeat(16))), ""),
        san("an other name", tlv(0xa0, oid("1.2.3"), tlv(0xa0, integer(1))), ""),
        uri("http://a b/", "parse \"http://a b/\": invalid character \" \" in host name"),
        uri(":a", "parse \":a\": missing protocol scheme"),
        uri("1:2", "parse \"1:2\": first path segment in URL cannot contain colon"),
        uri("a:b", ""),
        uri("http://[::1]:80/", ""),
        uri("http://[fe80::1%25en0]/", ""),
        uri("http://[1.2.3.4]/", "parse \"http://[1.2.3.4]/\": invalid IP-literal"),
        uri("http://[::1/", "parse \"http://[::1/\": missing ']' in host"),
        uri("http://[::x]/", "parse \"http://[::x]/\": invalid host: ParseAddr(\"::x\"): each colon-separated field "
            + "must have at least one digit (at \"x\")"),
        uri("http://a:8a/", "parse \"http://a:8a/\": invalid port \":8a\" after host"),
        uri("http://a:1:2/", ""),
        uri("http://a%41/", "parse \"http://a%41/\": invalid URL escape \"%41\""),
        uri("http://u^@h/", "parse \"http://u^@h/\": net/url: invalid userinfo"),
        uri("/p%zz", "parse \"/p%zz\": invalid URL escape \"%zz\""),
        uri("http://h/#%", "parse \"http://h/#%\": invalid URL escape \"%\""),
        uri("a\u0001", "parse \"a\\x01\": net/url: invalid control character in URL"),
        arguments("a URI of an empty label", ext("2.5.29.17", sequence(string(0x86, "http://a..b/"))),
            "x509: cannot parse URI \"http://a..b/\": invalid domain"),
        arguments("no name", ext("2.5.29.17", sequence()), ""));
  }

  static Stream<Arguments> nameConstraints() {
    return Stream.of(
        permitted("a DNS name", string(0x82, ".example.com"), ""),
        permitted("a DNS name ending in a dot", string(0x82, "example.com."),
            "x509: failed to parse dnsName constraint \"example.com.\""),
        permitted("a DNS name not ASCII", tlv(0x82, hex("c3a9")),
            "x509: invalid constraint value: x509: \"\u00e9\" cannot be encoded as an IA5String"),
        permitted("a DNS name of an invalid byte", string(0x82, "a\u00ff"),
            "x509: invalid constraint value: x509: \"a\\xff\" cannot be encoded as an IA5String"),
        permitted("an IP range of 5 bytes", tlv(0x87, hex("0102030405")),
            "x509: IP constraint contained value of length 5"),
        permitted("an IP range of a split mask", tlv(0x87, hex("0a000000ff00ff00")),
            "x509: IP constraint contained invalid mask ff00ff00"),
        permitted("an IP range", tlv(0x87, hex("0a000000fffe0000")), ""),
        permitted("a mailbox", string(0x81, "a.b@example.com"), ""),
        permitted("a quoted mailbox", string(0x81, "\"a b\"@example.com"), ""),
        permitted("a mailbox of two dots", string(0x81, "a..b@example.com"),
            "x509: failed to parse rfc822Name constraint \"a..b@example.com\""),
        permitted("a mailbox without a domain", string(0x81, "a@"), ""),
        permitted("an e-mail domain", string(0x81, ".example.com"), ""),
        permitted("an e-mail domain of an empty label", string(0x81, "a..b"),
            "x509: failed to parse rfc822Name constraint \"a..b\""),
        permitted("a URI domain", string(0x86, ".example.com"), ""),
        permitted("a URI constraint of an IP address", string(0x86, "10.0.0.1"),
            "x509: failed to parse URI constraint \"10.0.0.1\": cannot be IP address"),
        permitted("a URI constraint of an empty label", string(0x86, "a..b"),
            "x509: failed to parse URI constraint \"a..b\""),
        permitted("a directory name", tlv(0xa4, sequence()), ""),
        arguments("no subtree", ext("2.5.29.30", sequence()), "x509: empty name constraints extension"),
        arguments("empty subtrees", ext("2.5.29.30", sequence(tlv(0xa0), tlv(0xa1))),
            "x509: empty name constraints extension"),
        arguments("bytes after the constraints", ext("2.5.29.30", concat(sequence(tlv(0xa1, sequence(string(0x82,
            "a")))), hex("00"))), "x509: invalid NameConstraints extension"),
        arguments("a subtree not a sequence", ext("2.5.29.30", sequence(tlv(0xa1, integer(1)))),
            "x509: invalid NameConstraints extension"),
        arguments("an excluded DNS name", ext("2.5.29.30", sequence(tlv(0xa1, sequence(string(0x82, "a."))))),
            "x509: failed to parse dnsName constraint \"a.\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"standard", "alternativeNames", "nameConstraints"})
  void eachExtensionIsReadAsGoReadsIt(String change, byte[] extension, String goRefusal) {
    KeyPairAnswers.assertAnswer(TestCertificate.ec().withExtensions(extension).pem(), KEY, goRefusal);
  }

  private static byte[] ext(String oid, byte[] value) {
    return extension(oid, false, value);
  }

  private static byte[] crit(String oid, byte[] value) {
    return extension(oid, true, value);
  }

  private static Arguments san(String change, byte[] name, String goRefusal) {
    return arguments(change, ext("2.5.29.17", sequence(name)), goRefusal);
  }

  private static Arguments uri(String uri, String urlError) {
    String refusal = urlError.isEmpty() ? "" : "x509: cannot parse URI " + goQuoted(uri) + ": " + urlError;
    return arguments("the URI " + uri, ext("2.5.29.17", sequence(string(0x86, uri))), refusal);
  }

  private static String goQuoted(String text) {
    return "\"" + text.replace("\u0001", "\\x01") + "\"";
  }

  private static Arguments permitted(String change, byte[] base, String goRefusal) {
    return arguments(change, ext("2.5.29.30", sequence(tlv(0xa0, sequence(base)))), goRefusal);
  }
}
