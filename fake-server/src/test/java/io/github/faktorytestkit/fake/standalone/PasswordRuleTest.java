package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class PasswordRuleTest {
  @TempDir
  Path dir;

  private Path absent() {
    return dir.resolve("absent");
  }

  @Test
  void developmentNeedsNoPassword() throws Exception {
    assertThat(PasswordRule.resolve("development", Map.of(), absent())).isEmpty();
  }

  @Test
  void faktoryPasswordSetsThePassword() throws Exception {
    assertThat(PasswordRule.resolve("production", Map.of("FAKTORY_PASSWORD", "s3cret"), absent())).isEqualTo("s3cret");
  }

  @Test
  void passwordStartingWithSlashIsReadFromThatFileTrimmed() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "  from-file\n");

    assertThat(PasswordRule.resolve("development", Map.of("FAKTORY_PASSWORD", secret.toString()), absent()))
        .isEqualTo("from-file");
  }

  @Test
  void unreadablePasswordFileStopsStartup() {
    Map<String, String> env = Map.of("FAKTORY_PASSWORD", absent().toString());

    assertThatThrownBy(() -> PasswordRule.resolve("development", env, absent()))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Unable to create Faktory server: open " + absent() + ": ");
  }

  @Test
  void stagingAndProductionRequireAPassword() {
    for (String environment : new String[] {"staging", "production"}) {
      assertThatThrownBy(() -> PasswordRule.resolve(environment, Map.of(), absent()))
          .hasMessage("Unable to create Faktory server: " + PasswordRule.REQUIRED);
    }
  }

  @Test
  void skipPasswordLiftsTheRequirementForItsThreeSpellings() throws Exception {
    for (String skip : new String[] {"1", "true", "yes"}) {
      assertThat(PasswordRule.resolve("production", Map.of("FAKTORY_SKIP_PASSWORD", skip), absent())).isEmpty();
    }
    assertThatThrownBy(() -> PasswordRule.resolve("production", Map.of("FAKTORY_SKIP_PASSWORD", "on"), absent()))
        .hasMessage("Unable to create Faktory server: " + PasswordRule.REQUIRED);
  }

  @Test
  void productionFallsBackToTheDefaultPasswordFile() throws Exception {
    Path fallback = Files.writeString(dir.resolve("password"), "fallback\n");

    assertThat(PasswordRule.resolve("production", Map.of(), fallback)).isEqualTo("fallback");
    assertThat(PasswordRule.resolve("development", Map.of(), fallback)).isEmpty();
  }
}
