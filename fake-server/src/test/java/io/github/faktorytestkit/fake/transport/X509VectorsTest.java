package io.github.faktorytestkit.fake.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.faktorytestkit.fake.transport.PemBlocks.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The test certificates with one to three bytes changed at random, each read with its key, and the test keys with one
 * or two, each read with its certificate, as Go 1.26's {@code tls.X509KeyPair} reads them: vectors printed by real
 * Go (src/test/go/x509, x509-vectors.jsonl: a certificate, its key, the changes to one of them as {@code offset=byte}
 * in hex, and Go's error text, empty when Go reads the pair).
 */
class X509VectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyChangedPairGetsGosAnswer() throws IOException {
    return vectors().map(vector -> {
      String certificate = vector.get("certificate").asText();
      String key = vector.get("key").asText();
      String changes = vector.path("changes").asText();
      String keyChanges = vector.path("keyChanges").asText();
      return DynamicTest.dynamicTest(certificate + " " + changes + " " + key + " " + keyChanges,
          () -> KeyPairAnswers.assertAnswer(changed(certificate, changes), changed(key, keyChanges),
              vector.get("err").asText()));
    });
  }

  /** The PEM file {@code name} as it is, or its certificate or private key block alone with the {@code changes}. */
  private static String changed(String name, String changes) {
    if (changes.isEmpty()) {
      return TestKeys.pem(name);
    }
    Block block = PemBlocks.of(TestKeys.pem(name)).stream()
        .filter(b -> b.type().equals("CERTIFICATE") || b.type().endsWith("PRIVATE KEY")).findFirst().orElseThrow();
    byte[] der = block.der();
    for (String change : changes.split(",")) {
      String[] offsetAndByte = change.split("=");
      der[Integer.parseInt(offsetAndByte[0])] = HexFormat.of().parseHex(offsetAndByte[1])[0];
    }
    return "-----BEGIN " + block.type() + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
        + block.type() + "-----\n";
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
