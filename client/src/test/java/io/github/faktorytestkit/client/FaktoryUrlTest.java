package io.github.faktorytestkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FaktoryUrlTest {

  @Test
  void parsesPasswordHostAndPort() {
    assertThat(FaktoryUrl.parse("tcp://:s3cret@faktory.example.com:7500"))
        .isEqualTo(new FaktoryUrl(false, "faktory.example.com", 7500, null, "s3cret"));
  }

  @Test
  void tlsSchemeDefaultPortAndTrailingSlash() {
    assertThat(FaktoryUrl.parse("tcp+tls://faktory_1/")).isEqualTo(new FaktoryUrl(true, "faktory_1", 7419, null, null));
  }

  @Test
  void decodesPercentEscapesInUserAndPassword() {
    FaktoryUrl url = FaktoryUrl.parse("tcp://r%C3%BCdiger:p%40ss%3Aw%2Fd@localhost:1");
    assertThat(url.username()).isEqualTo("rüdiger");
    assertThat(url.password()).isEqualTo("p@ss:w/d");
  }

  @Test
  void readsBracketedIpv6Hosts() {
    assertThat(FaktoryUrl.parse("tcp://[::1]:7420").host()).isEqualTo("::1");
    assertThat(FaktoryUrl.parse("tcp://[::1]").port()).isEqualTo(7419);
  }

  @Test
  void rejectsOtherSchemesAndBadPortsWithoutShowingThePassword() {
    assertThatThrownBy(() -> FaktoryUrl.parse("redis://:hunter2@localhost:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url: redis://***@localhost:6379 (expected: tcp://[:password@]host[:port] or tcp+tls://...)");
    assertThatThrownBy(() -> FaktoryUrl.parse("tcp://:hunter2@localhost:99999"))
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> FaktoryUrl.parse("tcp://:7419")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaktoryUrl.parse("tcp://:%zz@h:1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textFormHidesThePassword() {
    assertThat(FaktoryUrl.parse("tcp+tls://bob:hunter2@[::1]:9")).hasToString("tcp+tls://bob:***@[::1]:9");
    assertThat(FaktoryUrl.parse("tcp://bob@h")).hasToString("tcp://bob@h:7419");
  }

  @Test
  void maskHidesThePasswordOfAnyUrlText() {
    assertThat(FaktoryUrl.mask("tcp://:s3cret@127.0.0.1:7419")).isEqualTo("tcp://:***@127.0.0.1:7419");
    assertThat(FaktoryUrl.mask("tcp://127.0.0.1")).isEqualTo("tcp://127.0.0.1:7419");
    assertThat(FaktoryUrl.mask("http://u:s3cret@host/x")).isEqualTo("http://***@host/x");
  }

  @Test
  void environmentDefaultsToLocalhost() {
    assertThat(FaktoryUrl.fromEnvironment(Map.of())).isEqualTo(FaktoryUrl.LOCALHOST);
    assertThat(FaktoryUrl.LOCALHOST).hasToString("tcp://localhost:7419");
  }

  @Test
  void environmentReadsFaktoryUrl() {
    assertThat(FaktoryUrl.fromEnvironment(Map.of("FAKTORY_URL", "tcp://:pw@10.0.0.1:7419")).password())
        .isEqualTo("pw");
  }

  @Test
  void faktoryProviderNamesTheVariableHoldingTheUrl() {
    Map<String, String> env = Map.of("FAKTORY_PROVIDER", "FOO_URL", "FOO_URL", "tcp+tls://foo:7000",
        "FAKTORY_URL", "tcp://ignored:1");
    assertThat(FaktoryUrl.fromEnvironment(env)).isEqualTo(new FaktoryUrl(true, "foo", 7000, null, null));
  }

  @Test
  void faktoryProviderHoldingAUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> FaktoryUrl.fromEnvironment(Map.of("FAKTORY_PROVIDER", "tcp://:hunter2@h:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("FAKTORY_PROVIDER: a URL (expected: the name of the variable holding the URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void faktoryProviderNamingAnUnsetVariableIsRefused() {
    assertThatThrownBy(() -> FaktoryUrl.fromEnvironment(Map.of("FAKTORY_PROVIDER", "NOPE_URL")))
        .hasMessage("FAKTORY_PROVIDER: NOPE_URL (expected: the name of a set variable)");
  }
}
