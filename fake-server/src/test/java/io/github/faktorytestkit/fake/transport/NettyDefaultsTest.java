package io.github.faktorytestkit.fake.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyDefaultsTest {
  private static final String LEAK_DETECTION = "io.netty.leakDetection.level";
  private final String before = System.getProperty(LEAK_DETECTION);

  @AfterEach
  void restoreTheProperty() {
    if (before == null) {
      System.clearProperty(LEAK_DETECTION);
    } else {
      System.setProperty(LEAK_DETECTION, before);
    }
  }

  @Test
  void standaloneTurnsLeakTrackingOffUnlessGiven() {
    System.clearProperty(LEAK_DETECTION);

    NettyDefaults.applyStandalone();

    assertThat(System.getProperty(LEAK_DETECTION)).isEqualTo("disabled");
  }

  @Test
  void aLevelGivenOnTheCommandLineWins() {
    System.setProperty(LEAK_DETECTION, "paranoid");

    NettyDefaults.applyStandalone();

    assertThat(System.getProperty(LEAK_DETECTION)).isEqualTo("paranoid");
  }
}
