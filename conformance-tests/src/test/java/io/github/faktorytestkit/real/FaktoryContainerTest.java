package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.utility.DockerImageName;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FaktoryContainerTest {
  private final String configured = System.getProperty(FaktoryContainer.IMAGE_PROPERTY);

  @AfterEach
  void restoreImageProperty() {
    if (configured == null) {
      System.clearProperty(FaktoryContainer.IMAGE_PROPERTY);
    } else {
      System.setProperty(FaktoryContainer.IMAGE_PROPERTY, configured);
    }
  }

  @Test
  void configuredImageDefaultsToOfficialImage() {
    System.clearProperty(FaktoryContainer.IMAGE_PROPERTY);

    assertThat(FaktoryContainer.configuredImage().asCanonicalNameString())
        .isEqualTo("contribsys/faktory:1.9.4");
  }

  @Test
  void configuredImageIsCompatibleSubstitute() {
    System.setProperty(FaktoryContainer.IMAGE_PROPERTY, "faktory-testkit/faktory:1.9.4");

    DockerImageName image = FaktoryContainer.configuredImage();

    assertThat(image.getRepository()).isEqualTo("faktory-testkit/faktory");
    assertThat(image.isCompatibleWith(FaktoryContainer.DEFAULT_IMAGE_NAME)).isTrue();
  }

  @Test
  void rejectsUnrelatedImage() {
    assertThatThrownBy(() -> new FaktoryContainer("redis:7"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contribsys/faktory");
  }

  @Test
  void addressNeedsRunningContainer() {
    try (FaktoryContainer container = new FaktoryContainer()) {
      assertThatThrownBy(container::getFaktoryUrl)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not started");
    }
  }
}
