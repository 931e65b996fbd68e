package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RealTargetsTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);

  @Test
  void unavailableTargetAbortsLoudlyWhenNotRequired() {
    assertThatThrownBy(() -> RealTargets.unavailable("example target", "example reason", false, logStream))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("SKIPPED real target example target: example reason");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .startsWith("[faktory-testkit] SKIPPED real target example target: example reason");
  }

  @Test
  void unavailableTargetFailsWhenRequired() {
    assertThatThrownBy(() -> RealTargets.unavailable("example target", "example reason", true, logStream))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("example target: example reason")
        .hasMessageContaining("faktory.real.required=true");
  }
}
