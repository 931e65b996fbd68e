package io.github.faktorytestkit.fake.model.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/** Checks the glob matcher against what Redis 7.0's ZSCAN MATCH answered for each pattern and member. */
@Timeout(10)
class RedisGlobTest {

  @TestFactory
  Stream<DynamicTest> matchesLikeRedis() throws IOException {
    JsonNode vectors = new ObjectMapper().readTree(RedisGlobTest.class.getResource("/redis-glob-vectors.json"));
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : vectors) {
      String pattern = vector.get(0).asText();
      String subject = vector.get(1).asText();
      boolean expected = vector.get(2).asBoolean();
      tests.add(DynamicTest.dynamicTest(pattern + " ~ " + subject,
          () -> assertThat(RedisGlob.matches(pattern, subject)).isEqualTo(expected)));
    }
    return tests.stream();
  }

  @Test
  void manyStarsStayFast() {
    String subject = "a".repeat(5000);
    assertThat(RedisGlob.matches("*a*a*a*a*a*a*a*a*a*a*b", subject)).isFalse();
  }
}
