package io.github.faktorytestkit.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
    try (FaktoryContainer container = new FaktoryContainer(FaktoryContainer.DEFAULT_IMAGE)) {
      assertThatThrownBy(container::getFaktoryUrl)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not started");
    }
  }

  @Test
  void defaultImageIsTheMirroredRelease() {
    assertThat(FaktoryContainer.DEFAULT_IMAGE.asCanonicalNameString()).isEqualTo("contribsys/faktory:1.9.4");
  }

  @Test
  void acceptsImageDeclaredCompatibleSubstitute() {
    DockerImageName local = DockerImageName.parse("faktory-testkit/faktory:1.9.4")
        .asCompatibleSubstituteFor("contribsys/faktory");

    assertThatCode(() -> new FaktoryContainer(local).close()).doesNotThrowAnyException();
  }

  @Test
  void rejectsSubstituteNotDeclaredCompatible() {
    assertThatThrownBy(() -> new FaktoryContainer(DockerImageName.parse("faktory-testkit/faktory:1.9.4")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("asCompatibleSubstituteFor");
  }

  @Test
  void mapsExposedPortsByDefault() {
    try (FaktoryContainer container = new FaktoryContainer(FaktoryContainer.DEFAULT_IMAGE)) {
      container.configure();

      assertThat(container.getExposedPorts()).containsExactly(7419, 7420);
      assertThat(container.getNetworkMode()).isNull();
      assertThat(container.getPortBindings()).isEmpty();
      assertThat(container.isHostNetwork()).isFalse();
      assertThat(container.getCommandParts())
          .containsExactly("/faktory", "-b", "0.0.0.0:7419", "-w", "0.0.0.0:7420", "-c", "/faktory-config");
    }
  }

  @Test
  void hostNetworkBindsFreeLoopbackPortsWithoutExposingAny() {
    try (FaktoryContainer container = new FaktoryContainer(FaktoryContainer.DEFAULT_IMAGE).withHostNetwork()) {
      container.configure();

      assertThat(container.getExposedPorts()).isEmpty();
      assertThat(container.getNetworkMode()).isEqualTo("host");
      assertThat(container.getPortBindings()).isEmpty();
      assertThat(container.getHost()).isEqualTo("127.0.0.1");
      assertThat(String.join(" ", container.getCommandParts()))
          .matches("/faktory -b 127\\.0\\.0\\.1:\\d+ -w 127\\.0\\.0\\.1:\\d+ -c /faktory-config");
    }
  }
}
