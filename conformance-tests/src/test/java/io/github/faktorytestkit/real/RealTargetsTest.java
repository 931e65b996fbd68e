package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.ContainerLaunchException;

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

  @Test
  void engineRefusalNamesTheEnginesMessage() {
    Exception failure = new ContainerLaunchException("Container startup failed for image faktory",
        new ContainerLaunchException("Could not create/start container",
            new NotFoundException("{\"message\":\"network bridge not found\"}\n")));

    assertThat(RealTargets.engineRefusal(failure))
        .isEqualTo("Status 404: {\"message\":\"network bridge not found\"}");
  }

  @Test
  void imagePullFailureIsNoEngineRefusal() {
    Exception failure = new ContainerFetchException("image x: not on the Docker engine and not pullable",
        new InternalServerErrorException("no such host"));

    assertThat(RealTargets.engineRefusal(failure)).isNull();
  }

  @Test
  void serverFailureIsNoEngineRefusal() {
    assertThat(RealTargets.engineRefusal(new ContainerLaunchException("timed out waiting for log output")))
        .isNull();
  }

  @Test
  void containerTheEngineCannotRunIsSkippedWithTheEnginesReason() {
    FaktoryContainer refused = failingContainer(bridgeNotFound());

    assertThatThrownBy(() -> RealTargets.start(refused, false, logStream))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("SKIPPED real target Faktory container: the Docker engine cannot run a container "
            + "(Status 404: {\"message\":\"network bridge not found\"})")
        .hasMessageContaining("FaktoryContainer.withHostNetwork()");
  }

  @Test
  void containerTheEngineCannotRunFailsWhenRequired() {
    FaktoryContainer refused = failingContainer(bridgeNotFound());

    assertThatThrownBy(() -> RealTargets.start(refused, true, logStream))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("network bridge not found")
        .hasMessageContaining("faktory.real.required=true");
  }

  @Test
  void containerThatFailsOtherwiseFailsAsItDid() {
    ContainerLaunchException timeout = new ContainerLaunchException("timed out waiting for log output");

    assertThatThrownBy(() -> RealTargets.start(failingContainer(timeout), false, logStream)).isSameAs(timeout);
  }

  private static ContainerLaunchException bridgeNotFound() {
    return new ContainerLaunchException("Could not create/start container",
        new NotFoundException("{\"message\":\"network bridge not found\"}"));
  }

  private static FaktoryContainer failingContainer(RuntimeException failure) {
    return new FaktoryContainer(FaktoryContainer.DEFAULT_IMAGE) {
      @Override
      public void start() {
        throw failure;
      }
    };
  }
}
