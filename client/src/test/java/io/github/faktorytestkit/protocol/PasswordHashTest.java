package io.github.faktorytestkit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PasswordHashTest {

  @Test
  void matchesTheReferenceTestVector() {
    assertThat(PasswordHash.compute("foobar", "55104dc76695721d", 1545))
        .isEqualTo("6d877f8e5544b1f2598768f817413ab8a357afffa924dedae99eb91472d4ec30");
  }

  @Test
  void oneIterationIsPlainSha256OfPasswordAndSalt() {
    // the legacy (protocol v1) hash; expected value from Python's hashlib.sha256(b"foobar55104dc76695721d")
    assertThat(PasswordHash.compute("foobar", "55104dc76695721d", 1))
        .isEqualTo("bda5ef54df4404655456165c27f46764614a296cdafcaffc747b7ab7cc1ea313");
  }

  @Test
  void refusesFewerThanOneIteration() {
    assertThatThrownBy(() -> PasswordHash.compute("pw", "s", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iterations: 0 (expected: >= 1)");
  }
}
