package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaktoryContainerSmokeIT {
  @Test
  void pushThenFetchReturnsSameJob() throws Exception {
    try (FaktoryContainer faktory = RealTargets.start(hostNetworkContainer())) {
      System.out.println("[smoke] Faktory container of " + faktory.getDockerImageName() + " at "
          + faktory.getFaktoryUrl());
      assertThat(faktory.getFaktoryUrl()).isEqualTo(URI.create("tcp://127.0.0.1:" + faktory.getFaktoryPort()));
      assertThat(faktory.getLogs()).contains("Faktory " + FaktoryBinary.targetVersion());
      SmokeScenario.pushThenFetch(faktory.getFaktoryUrl(), null, null);
    }
  }

  @Test
  void passwordContainerAcceptsHashedPassword() throws Exception {
    try (FaktoryContainer faktory = RealTargets.start(hostNetworkContainer().withPassword("s3cret"))) {
      assertThat(faktory.getFaktoryUrl().getUserInfo()).isEqualTo(":s3cret");
      SmokeScenario.pushThenFetch(faktory.getFaktoryUrl(), "s3cret", null);
    }
  }

  /** Only loopback traffic is allowed here: a bridged container could not be reached. */
  private static FaktoryContainer hostNetworkContainer() {
    return new FaktoryContainer(FaktoryContainer.configuredImage()).withHostNetwork();
  }
}
