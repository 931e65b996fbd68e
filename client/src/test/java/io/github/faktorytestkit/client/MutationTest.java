package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.client.Mutation.Filter;
import io.github.faktorytestkit.client.Mutation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MutationTest {

  @Test
  void clearHasNoFilter() {
    assertThat(Mutation.clear(Target.DEAD).toJson()).isEqualTo("{\"cmd\":\"clear\",\"target\":\"dead\"}");
  }

  @Test
  void filterWritesOnlyWhatIsSet() {
    assertThat(Mutation.requeue(Target.RETRIES, Filter.withJids("a", "b")).toJson())
        .isEqualTo("{\"cmd\":\"requeue\",\"target\":\"retries\",\"filter\":{\"jids\":[\"a\",\"b\"]}}");
    assertThat(Mutation.discard(Target.SCHEDULED, Filter.ofType("Sync")).toJson())
        .isEqualTo("{\"cmd\":\"discard\",\"target\":\"scheduled\",\"filter\":{\"jobtype\":\"Sync\"}}");
  }

  @Test
  void jsonNeverHoldsASpace() {
    String json = Mutation.kill(Target.DEAD, Filter.matching("*\"uid\": 1*").andType("A B")).toJson();
    assertThat(json).doesNotContain(" ").contains("*\\\"uid\\\":\\u00201*", "A\\u0020B");
  }
}
