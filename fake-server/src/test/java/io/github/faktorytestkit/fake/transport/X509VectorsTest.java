package io.github.faktorytestkit.fake.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The test certificates with one to three bytes changed at random, each read with its key as Go 1.26's
 * {@code tls.X509KeyPair} reads it: vectors printed by real Go (src/test/go/x509, x509-vectors.jsonl: a
 * certificate, its key, the changes as {@code offset=byte} in hex, and Go's error text, empty when Go reads the pair).
 */
class X509VectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyChangedCertificateGetsGosAnswer() throws IOException {
    return vectors().map(vector -> {
      String certificate = vector.get("certificate").asText();
      String changes = vector.get("changes").asText();
      return DynamicTest.dynamicTest(certificate + " " + changes, () -> KeyPairAnswers.assertAnswer(
          TestCertificate.pem(changed(certificate, changes)), TestKeys.pem(vector.get("key").asText()),
          vector.get("err").asText()));
    });
  }

  private static byte[] changed(String certificate, String changes) {
    byte[] der = PemBlocks.of(TestKeys.pem(certificate)).get(0).der();
    for (String change : changes.split(",")) {
      String[] offsetAndByte = change.split("=");
      der[Integer.parseInt(offsetAndByte[0])] = HexFormat.of().parseHex(offsetAndByte[1])[0];
    }
    return der;
  }

  private static Stream<JsonNode> vectors() throws IOException {
    try (InputStream in = X509VectorsTest.class.getResourceAsStream("/x509-vectors.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(X509VectorsTest::parse).toList()
          .stream();
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
