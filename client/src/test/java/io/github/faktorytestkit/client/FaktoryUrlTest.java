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

  @Test
  void portErrorsSayWhatIsWrong() {
    assertInvalid("tcp://:hunter2@localhost:99999",
        "url: tcp://***@localhost:99999 (port 99999 is out of range; expected: 1..65535)");
    assertInvalid("tcp://localhost:0", "url: tcp://localhost:0 (port 0 is out of range; expected: 1..65535)");
    assertInvalid("tcp://localhost:74x9",
        "url: tcp://localhost:74x9 (port \"74x9\" is not a number; expected: 1..65535)");
    assertInvalid("tcp://[::1]x", "url: tcp://[::1]x (text after the IPv6 host; expected: ]:port or ] at the end)");
  }

  @Test
  void aSpaceInThePasswordIsNamedWithoutShowingThePassword() {
    assertInvalid("tcp://:s3cr3t pw@localhost:7419",
        "url: tcp://***@localhost:7419 (a space in the user info; expected: percent-encoded, a space as %20)");
    assertThat(FaktoryUrl.parse("tcp://:s3cr3t%20pw@localhost:7419").password()).isEqualTo("s3cr3t pw");
  }

  @Test
  void hostErrorsSayWhatIsWrong() {
    assertInvalid("tcp://local host:7419", "url: tcp://local host:7419 (a space in the host or port; expected: none)");
    assertInvalid("tcp://localhost:7419\n",
        "url: tcp://localhost:7419\n (a line break in the host or port; expected: none)");
    assertInvalid("tcp://localhost:7419/db",
        "url: tcp://localhost:7419/db (a path or query after the host; expected: none)");
    assertInvalid("tcp://::1:7419", "url: tcp://::1:7419 (an IPv6 host without brackets; expected: [address])");
    assertInvalid("tcp://[::1:7419", "url: tcp://[::1:7419 (an IPv6 host without its closing ]; expected: [address])");
    assertInvalid("tcp://:pw@", "url: tcp://***@ (no host; expected: tcp://[:password@]host[:port])");
  }

  @Test
  void aBadPercentEscapeIsNamedWithoutShowingThePassword() {
    assertInvalid("tcp://:p%zzw0rd@h:1", "url: tcp://***@h:1 (a bad percent escape in the user info; expected: %"
        + " and two hex digits, e.g. %40 for @)");
    assertInvalid("tcp://:p%\u0663\u0663w0rd@h:1", "url: tcp://***@h:1 (a bad percent escape in the user info;"
        + " expected: % and two hex digits, e.g. %40 for @)");
  }

  @Test
  void environmentErrorsNameTheVariable() {
    assertThatThrownBy(() -> FaktoryUrl.fromEnvironment(Map.of("FAKTORY_URL", "tcp://:hunter2@h:0")))
        .hasMessage("FAKTORY_URL: url: tcp://***@h:0 (port 0 is out of range; expected: 1..65535)")
        .hasNoCause();
    assertThatThrownBy(() -> FaktoryUrl.fromEnvironment(Map.of("FAKTORY_PROVIDER", "FOO_URL", "FOO_URL", "tcp://h:x")))
        .hasMessageStartingWith("FOO_URL: url: tcp://h:x (port \"x\" is not a number;");
  }

  private static void assertInvalid(String url, String message) {
    assertThatThrownBy(() -> FaktoryUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message)
        .hasNoCause();
  }
}
