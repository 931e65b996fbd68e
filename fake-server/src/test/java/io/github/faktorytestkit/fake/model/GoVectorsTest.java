package io.github.faktorytestkit.fake.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.faktorytestkit.fake.model.gocompat.GoDecoder;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import io.github.faktorytestkit.fake.model.gocompat.GoQuote;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.gocompat.GoTimeException;
import io.github.faktorytestkit.fake.model.gocompat.GoType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Checks the Go-compatibility layer against vectors printed by real Go with Faktory 1.9.4's own types
 * (src/test/go): JSON syntax and type errors, Go's JSON output, RFC3339Nano parsing, float formatting, %q.
 */
@Timeout(60)
class GoVectorsTest {
  private static final Map<String, GoType> TYPES = Map.of("any", GoType.ANY, "job", FaktoryStructs.JOB,
      "jobs", FaktoryStructs.JOBS, "operation", FaktoryStructs.OPERATION, "fail", FaktoryStructs.FAIL_PAYLOAD, "hello", FaktoryStructs.CLIENT_DATA);
  private static final Set<String> ERRORS_ONLY = Set.of("jobs", "operation", "fail", "hello");

  @TestFactory
  Stream<DynamicTest> goVectorsMatch() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int line = 0;
    for (JsonNode vector : vectors()) {
      line++;
      String kind = vector.get("kind").asText();
      String in = vector.get("in").asText();
      String expected = vector.has("err") ? "error: " + vector.get("err").asText()
          : ERRORS_ONLY.contains(kind) ? "ok" : vector.get("out").asText();
      String name = line + " " + kind + " " + (in.length() > 60 ? in.substring(0, 60) : in);
      tests.add(DynamicTest.dynamicTest(name, () -> assertThat(actual(kind, in)).isEqualTo(expected)));
    }
    return tests.stream();
  }

  private static String actual(String kind, String in) {
    try {
      switch (kind) {
        case "time":
          return GoTime.format(GoTime.parse(in));
        case "float":
          return GoJsonWriter.formatFloat(Double.longBitsToDouble(Long.parseUnsignedLong(in)));
        case "quote":
          return GoQuote.quote(in);
        case "job":
          return GoJob.fromDecoded(GoStruct.of(GoDecoder.decode(in, FaktoryStructs.JOB))).toJson();
        default:
          return decodedJson(kind, in);
      }
    } catch (GoJsonException | GoTimeException e) {
      return "error: " + e.getMessage();
    }
  }

  private static String decodedJson(String kind, String in) throws GoJsonException {
    Object decoded = GoDecoder.decode(in, TYPES.get(kind));
    return kind.equals("any") ? GoJsonWriter.write(decoded) : "ok";
  }

  static List<JsonNode> vectors() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> vectors = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        GoVectorsTest.class.getResourceAsStream("/go-vectors.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        vectors.add(mapper.readTree(line));
      }
    }
    return vectors;
  }
}
