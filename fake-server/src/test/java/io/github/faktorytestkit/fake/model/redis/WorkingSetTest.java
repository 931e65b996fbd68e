package io.github.faktorytestkit.fake.model.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkingSetTest {
  private static final Instant EXPIRY = Instant.parse("2026-01-01T00:01:00Z");

  private final WorkingSet working = new WorkingSet();

  @Test
  void theOnlyEntryOfAScoreIsRemovedWhateverItsJid() {
    working.add(EXPIRY, "a");
    working.add(EXPIRY.plusSeconds(1), "b");

    assertThat(working.removeElement(EXPIRY, "other")).isTrue();
    assertThat(working.size()).isEqualTo(1);
    assertThat(working.removeElement(EXPIRY, "a")).as("gone already").isFalse();
  }

  @Test
  void amongManyEntriesOfAScoreTheFirstOfTheJidIsRemoved() {
    for (int n = 0; n < 1000; n++) {
      working.add(EXPIRY, "job-" + n);
    }
    working.add(EXPIRY, "job-7");
    working.add(EXPIRY.plusSeconds(1), "job-8");

    assertThat(working.removeElement(EXPIRY, "job-7")).isTrue();
    assertThat(working.removeElement(EXPIRY, "job-7")).as("its second entry of that score").isTrue();
    assertThat(working.removeElement(EXPIRY, "job-7")).as("none left of that score").isFalse();
    assertThat(working.removeElement(EXPIRY, "missing")).isFalse();
    assertThat(working.size()).isEqualTo(1000);
  }

  @Test
  void anEntryRemovedDirectlyIsNoLongerFoundByJid() {
    WorkingSet.Entry first = working.add(EXPIRY, "a");
    working.add(EXPIRY, "b");

    assertThat(working.remove(first)).isTrue();
    assertThat(working.remove(first)).isFalse();
    working.add(EXPIRY, "c");
    assertThat(working.removeElement(EXPIRY, "a")).isFalse();
    assertThat(working.size()).isEqualTo(2);
  }

  @Test
  void clearForgetsEveryJid() {
    working.add(EXPIRY, "a");
    working.add(EXPIRY, "b");
    working.clear();
    working.add(EXPIRY, "c");
    working.add(EXPIRY, "d");

    assertThat(working.removeElement(EXPIRY, "a")).isFalse();
    assertThat(working.size()).isEqualTo(2);
  }
}
