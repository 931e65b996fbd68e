package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlTargetTest {

  @Test
  void nothingConfiguredMeansNoTarget() {
    assertThat(UrlTarget.configured(name -> null, Map.of())).isEmpty();
    assertThat(UrlTarget.configured(name -> " ", Map.of("FAKTORY_TESTKIT_URL", ""))).isEmpty();
  }

  @Test
  void propertyWinsOverTheEnvironment() {
    UrlTarget target = UrlTarget.configured(
        name -> name.equals("faktory.testkit.url") ? "tcp://127.0.0.1:17419" : null,
        Map.of("FAKTORY_TESTKIT_URL", "tcp://127.0.0.1:27419")).orElseThrow();
    assertThat(target.url()).isEqualTo(URI.create("tcp://127.0.0.1:17419"));
  }

  @Test
  void webUiDefaultsToTheNextPortAndPasswordComesFromTheUrl() {
    UrlTarget target = UrlTarget.configured(name -> null, Map.of("FAKTORY_TESTKIT_URL", "tcp://:pw@127.0.0.1:7419"))
        .orElseThrow();
    assertThat(target.webUrl()).isEqualTo(URI.create("http://127.0.0.1:7420"));
    assertThat(target.password()).isEqualTo("pw");
    assertThat(target.toString()).doesNotContain("pw");
  }

  @Test
  void webUiMayBeConfigured() {
    UrlTarget target = UrlTarget.configured(
        name -> switch (name) {
          case "faktory.testkit.url" -> "tcp://127.0.0.1:7419";
          case "faktory.web.url" -> "http://127.0.0.1:9000";
          default -> null;
        }, Map.of()).orElseThrow();
    assertThat(target.webUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
  }
}
