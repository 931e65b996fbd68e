package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.utility.DockerImageName;

/** An image the engine has not and cannot pull fails the start at once, saying which image and what to do. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaktoryContainerPullIT {
  private static final DockerImageName ABSENT = DockerImageName.parse("faktory-testkit/no-such-image:0.0.0")
      .asCompatibleSubstituteFor("contribsys/faktory");

  @BeforeEach
  void requireDocker() {
    RealTargets.requireDocker();
  }

  @Test
  void absentImageFailsWithItsNameAndWhatToDo() {
    try (FaktoryContainer container = new FaktoryContainer(ABSENT).withHostNetwork()) {
      assertThatThrownBy(container::start)
          .isInstanceOf(ContainerFetchException.class)
          .hasMessageStartingWith("image faktory-testkit/no-such-image:0.0.0: not on the Docker engine and not "
              + "pullable (")
          .hasMessageContaining("docker pull faktory-testkit/no-such-image:0.0.0")
          .hasMessageContaining("scripts/provision-container")
          .hasMessageContaining("new FaktoryContainer(DockerImageName)");
    }
  }

  @Test
  void absentImageIsAFailureNotASkip() {
    try (FaktoryContainer container = new FaktoryContainer(ABSENT).withHostNetwork()) {
      assertThatThrownBy(() -> RealTargets.start(container)).isInstanceOf(ContainerFetchException.class);
    }
  }
}
