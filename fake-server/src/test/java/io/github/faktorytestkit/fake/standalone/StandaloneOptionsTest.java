package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StandaloneOptionsTest {

  @Test
  void defaultsMatchTheFaktoryBinary() throws Exception {
    StandaloneOptions options = StandaloneOptions.parse();

    assertThat(options.binding).isEqualTo("localhost:7419");
    assertThat(options.webBinding).isEqualTo("localhost:7420");
    assertThat(options.logLevel).isEqualTo("info");
    assertThat(options.environment(Map.of())).isEqualTo("development");
    assertThat(options.version).isFalse();
  }

  @Test
  void acceptsGoFlagSpellings() throws Exception {
    StandaloneOptions options = StandaloneOptions.parse("-b", "127.0.0.1:7000", "--w=:0", "-l=debug", "--e", "staging");

    assertThat(options.binding).isEqualTo("127.0.0.1:7000");
    assertThat(options.webBinding).isEqualTo(":0");
    assertThat(options.logLevel).isEqualTo("debug");
    assertThat(options.environment(Map.of())).isEqualTo("staging");
  }

  @Test
  void environmentFallsBackToFaktoryEnv() throws Exception {
    assertThat(StandaloneOptions.parse().environment(Map.of("FAKTORY_ENV", "production"))).isEqualTo("production");
    assertThat(StandaloneOptions.parse("-e", "staging").environment(Map.of("FAKTORY_ENV", "production")))
        .isEqualTo("staging");
  }

  @Test
  void rejectsAnUnknownEnvironmentWithFaktorysMessage() throws Exception {
    StandaloneOptions options = StandaloneOptions.parse("-e", "qa");

    assertThatThrownBy(() -> options.environment(Map.of()))
        .hasMessage("Invalid environment \"qa\": legal values are development, staging or production")
        .extracting(e -> ((StartupException) e).exitStatus()).isEqualTo(1);
  }

  @Test
  void storageAndConfigDirectoriesAreAcceptedWithANote() throws Exception {
    StandaloneOptions options = StandaloneOptions.parse("-d", "/tmp/db", "-c", "/etc/faktory");

    assertThat(options.ignoredFlagNotes()).containsExactly(
        "note: -d /tmp/db is ignored: the fake keeps everything in memory",
        "note: -c /etc/faktory: only public.cert.pem and private.key.pem are read (TLS); conf.d/*.toml is ignored");
    assertThat(StandaloneOptions.parse().ignoredFlagNotes()).isEmpty();
  }

  @Test
  void versionAndHelpAreBooleanFlags() throws Exception {
    assertThat(StandaloneOptions.parse("-v").version).isTrue();
    assertThat(StandaloneOptions.parse("-h").help).isTrue();
  }

  @Test
  void unknownFlagFailsLikeGosFlagPackage() {
    assertThatThrownBy(() -> StandaloneOptions.parse("-x"))
        .hasMessage("flag provided but not defined: -x")
        .extracting(e -> ((StartupException) e).exitStatus()).isEqualTo(2);
  }

  @Test
  void flagWithoutItsValueFails() {
    assertThatThrownBy(() -> StandaloneOptions.parse("-b")).hasMessage("flag needs an argument: -b");
  }
}
