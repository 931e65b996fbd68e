package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.spi.HttpServerProvider;
import java.nio.channels.spi.SelectorProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkProvidersTest {
  private static final String SELECTOR = "java.nio.channels.spi.SelectorProvider";
  private static final String HTTP_SERVER = "com.sun.net.httpserver.HttpServerProvider";
  private String selectorBefore;
  private String httpServerBefore;

  @BeforeEach
  void saveProperties() {
    selectorBefore = System.getProperty(SELECTOR);
    httpServerBefore = System.getProperty(HTTP_SERVER);
  }

  @AfterEach
  void restoreProperties() {
    restore(SELECTOR, selectorBefore);
    restore(HTTP_SERVER, httpServerBefore);
  }

  @Test
  void namesTheProvidersTheJdkWouldHaveFoundAsServices() {
    System.clearProperty(SELECTOR);
    System.clearProperty(HTTP_SERVER);

    JdkProviders.apply();

    assertThat(System.getProperty(HTTP_SERVER)).isEqualTo(HttpServerProvider.provider().getClass().getName());
    if (System.getProperty("os.name").equals("Linux")) {
      assertThat(System.getProperty(SELECTOR)).isEqualTo(SelectorProvider.provider().getClass().getName());
    }
  }

  @Test
  void aProviderTheJvmWasGivenWins() {
    System.setProperty(SELECTOR, "com.example.SomeSelectorProvider");
    System.setProperty(HTTP_SERVER, "com.example.SomeHttpServerProvider");

    JdkProviders.apply();

    assertThat(System.getProperty(SELECTOR)).isEqualTo("com.example.SomeSelectorProvider");
    assertThat(System.getProperty(HTTP_SERVER)).isEqualTo("com.example.SomeHttpServerProvider");
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
