package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RealServerTest {

  @Test
  void noSettingMeansTheFake() {
    assertThat(RealServer.select(name -> null, Map.of())).isEmpty();
  }

  @Test
  void environmentVariableNamesARealServer() {
    assertThat(RealServer.select(name -> null, Map.of("FAKTORY_TESTKIT_URL", "tcp://127.0.0.1:7419")))
        .contains(new RealServer(URI.create("tcp://127.0.0.1:7419"), "FAKTORY_TESTKIT_URL"));
  }

  @Test
  void theApplicationsOwnSettingsNeverSwitchToARealServer() {
    assertThat(RealServer.select(name -> name.equals("faktory.url") ? "tcp://10.0.0.1:7419" : null,
        Map.of("FAKTORY_URL", "tcp://10.0.0.1:7419", "FAKTORY_PROVIDER", "FAKTORY_URL"))).isEmpty();
  }

  @Test
  void systemPropertyWinsOverTheEnvironment() {
    Map<String, String> env = Map.of("FAKTORY_TESTKIT_URL", "tcp://127.0.0.1:1");

    assertThat(RealServer.select(name -> name.equals("faktory.testkit.url") ? "tcp://127.0.0.1:2" : null, env))
        .contains(new RealServer(URI.create("tcp://127.0.0.1:2"), "-Dfaktory.testkit.url"));
  }

  @Test
  void blankSettingsCountAsUnset() {
    assertThat(RealServer.select(name -> " ", Map.of("FAKTORY_TESTKIT_URL", ""))).isEmpty();
  }

  @Test
  void maskedUrlHidesThePassword() {
    assertThat(new RealServer(URI.create("tcp://:s3cret@127.0.0.1:7419"), "x").maskedUrl())
        .isEqualTo("tcp://:***@127.0.0.1:7419");
    assertThat(new RealServer(URI.create("tcp://127.0.0.1:7419"), "x").maskedUrl()).isEqualTo("tcp://127.0.0.1:7419");
  }

  @Test
  void malformedUrlIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> RealServer.select(name -> null,
        Map.of("FAKTORY_TESTKIT_URL", "tcp://:pw@host:port with space")))
        .hasMessage("FAKTORY_TESTKIT_URL: malformed (expected: a URL such as tcp://host:7419)")
        .hasMessageNotContaining("pw")
        .hasNoCause();
  }
}
