package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.conformance.TargetKind;
import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.real.LocalFaktory;
import io.github.faktorytestkit.real.RealTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The extension's real-server switch, end to end: a test class using {@link FakeFaktoryExtension} runs in a child
 * JVM whose environment names a local Faktory process. The application's {@code FAKTORY_URL} leaves it on the fake;
 * the testkit's {@code FAKTORY_TESTKIT_URL} moves it to the real server, which is FLUSHed and left empty.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RealServerSwitchIT {
  private static final String PASSWORD = "s3cr3t";

  /** Both tests start a local Faktory: a run that {@code -Dfaktory.targets} limits to other kinds skips them. */
  @BeforeEach
  void localTargetAllowed() {
    assumeTrue(TargetKind.allowed().contains(TargetKind.LOCAL), "-Dfaktory.targets leaves out local");
  }

  @Test
  void theApplicationsFaktoryUrlLeavesTheTestsOnTheFakeAndTheRealServerUntouched() throws Exception {
    RealTargets.requireLocalFaktory();
    try (LocalFaktory real = LocalFaktory.builder().password(PASSWORD).start();
        FaktoryClient client = FaktoryClient.connect(real.url().toString())) {
      client.push(Job.of("Production", "job"));

      String output = runFixture(Map.of("FAKTORY_URL", real.url().toString()));

      assertThat(output).contains("fixture: on the fake", "startsEmptyAndPushes(FaktoryClient) SUCCESSFUL",
          "startsEmptyAgain(FaktoryClient) SUCCESSFUL", "inspectsTheFake(FakeFaktory) SUCCESSFUL")
          .doesNotContain("REAL Faktory");
      assertThat(client.info().queues()).containsEntry("default", 1L);   // only the production job
    }
  }

  @Test
  void theTestkitsOwnSettingRunsTheTestsOnTheRealServerFlushedAndLeftEmpty() throws Exception {
    RealTargets.requireLocalFaktory();
    try (LocalFaktory real = LocalFaktory.builder().password(PASSWORD).start();
        FaktoryClient client = FaktoryClient.connect(real.url().toString())) {
      client.push(Job.of("Leftover", "from an earlier run"));

      String output = runFixture(Map.of("FAKTORY_TESTKIT_URL", real.url().toString()));

      assertThat(output).contains("fixture: on the real server",
          "[faktory-testkit] Fixture: tests run against the REAL Faktory tcp://:***@127.0.0.1:" + real.port()
              + " (set by FAKTORY_TESTKIT_URL), FLUSHed before each test and after the last",
          "[faktory-testkit] skipped Fixture.inspectsTheFake(FakeFaktory): this test inspects or drives the fake",
          "startsEmptyAndPushes(FaktoryClient) SUCCESSFUL", "startsEmptyAgain(FaktoryClient) SUCCESSFUL",
          "inspectsTheFake(FakeFaktory) ABORTED")
          .doesNotContain(PASSWORD);
      // the leftover and the fixture's jobs are gone
      assertThat(client.info().queues()).allSatisfy((queue, size) -> assertThat(size).as(queue).isZero());
      assertThat(client.info().totalEnqueued()).isZero();
    }
  }

  /** Runs {@link Fixture} in a child JVM with {@code env} added, and returns its console output. */
  private static String runFixture(Map<String, String> env) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        FixtureMain.class.getName()).redirectErrorStream(true);
    builder.environment().keySet().removeAll(List.of("FAKTORY_URL", "FAKTORY_TESTKIT_URL", "FAKTORY_PROVIDER"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /** The child JVM: runs {@link Fixture} and prints each test's outcome. */
  static final class FixtureMain {
    public static void main(String[] args) {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Fixture.class))
          .build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
              if (test.isTest()) {
                System.out.println(test.getDisplayName() + " " + result.getStatus()
                    + result.getThrowable().map(failure -> " " + failure).orElse(""));
              }
            }
          });
    }
  }

  /** What a user's test class looks like: it pushes, expects a fresh server per test, and one test needs the fake. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Fixture {
    @RegisterExtension
    static final FakeFaktoryExtension faktory = FakeFaktoryExtension.create();

    @Test
    @Order(1)
    void startsEmptyAndPushes(FaktoryClient client) {
      System.out.println("fixture: on " + (faktory.isRealServer() ? "the real server" : "the fake"));
      assertThat(client.info().queues().getOrDefault("default", 0L)).isZero();
      client.push(Job.of("SendWelcome", "ann@example.com"));
    }

    @Test
    @Order(2)
    void startsEmptyAgain(FaktoryClient client) {
      assertThat(client.info().queues().getOrDefault("default", 0L)).isZero();
      client.push(Job.of("SendWelcome", "bob@example.com"));
    }

    @Test
    @Order(3)
    void inspectsTheFake(FakeFaktory server) {
      assertThat(server.state().queueNames()).isEmpty();
    }
  }
}
