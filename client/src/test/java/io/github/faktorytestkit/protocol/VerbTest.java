package io.github.faktorytestkit.protocol;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VerbTest {

  @Test
  void ownsItsUpperCaseWireBytes() {
    assertThat(new String(Verb.PUSHB.bytes(), US_ASCII)).isEqualTo("PUSHB");
    Verb.PUSHB.bytes()[0] = 'X';
    assertThat(new String(Verb.PUSHB.bytes(), US_ASCII)).isEqualTo("PUSHB");
  }

  @Test
  void findsVerbsCaseSensitively() {
    assertThat(Verb.find("MUTATE")).contains(Verb.MUTATE);
    assertThat(Verb.find("mutate")).isEmpty();
    assertThat(Verb.find("CMD")).isEmpty();
  }

  @Test
  void onlyTheSlicingHandlersCrashWhenBare() {
    assertThat(Arrays.stream(Verb.values()).filter(Verb::crashesFaktoryWhenBare))
        .containsExactlyInAnyOrder(Verb.PUSH, Verb.PUSHB, Verb.ACK, Verb.FAIL, Verb.BEAT, Verb.QUEUE);
  }

  @Test
  void onlyEndGoesUnanswered() {
    assertThat(Arrays.stream(Verb.values()).filter(verb -> !verb.answered())).containsExactly(Verb.END);
  }
}
