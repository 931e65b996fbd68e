package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaktoryContainerSmokeIT {
  @BeforeEach
  void requireDocker() {
    RealTargets.requireDocker();
  }

  @Test
  void pushThenFetchReturnsSameJob() throws Exception {
    try (FaktoryContainer faktory = new FaktoryContainer()) {
      faktory.start();
      System.out.println("[smoke] Faktory container of " + faktory.getDockerImageName() + " at "
          + faktory.getFaktoryUrl());
      assertThat(faktory.getFaktoryUrl()).isEqualTo(URI.create("tcp://127.0.0.1:" + faktory.getFaktoryPort()));
      assertThat(faktory.getLogs()).contains("Faktory " + FaktoryBinary.targetVersion());
      SmokeScenario.pushThenFetch(faktory.getFaktoryUrl(), null, null);
    }
  }

  @Test
  void passwordContainerAcceptsHashedPassword() throws Exception {
    try (FaktoryContainer faktory = new FaktoryContainer().withPassword("s3cret")) {
      faktory.start();
      assertThat(faktory.getFaktoryUrl().getUserInfo()).isEqualTo(":s3cret");
      SmokeScenario.pushThenFetch(faktory.getFaktoryUrl(), "s3cret", null);
    }
  }
}
