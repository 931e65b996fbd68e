package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.replay.ReplayFaktory;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class ReplayExtensionTest {
  /** A hand-written recording: the project's client flushes. */
  static final Path RECORDING = Path.of("src/test/resources/replay/producer-flushes.txt");

  @Test
  void aTestPassesWhenItsClientPlaysTheRecording() {
    TestExecutionResult result = run("flushes");
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void aTestFailsWithTheNearMissDiffWhenItsClientStrays() {
    TestExecutionResult result = run("asksForInfoInstead");
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(result.getThrowable()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("replay mismatch at c1 frame 4")
        .hasMessageContaining("expected: c1 > FLUSH\\r\\n")
        .hasMessageContaining("actual:   > INFO");
  }

  private static TestExecutionResult run(String method) {
    List<TestExecutionResult> results = new ArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectMethod(Fixture.class, method, URI.class.getName())).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              results.add(result);
            }
          }
        });
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  static class Fixture {
    @RegisterExtension
    final ReplayExtension replay = ReplayExtension.of(ReplayFaktory.builder(RECORDING));

    @Test
    void flushes(URI url) {
      assertThat(url).isEqualTo(replay.url()).isEqualTo(replay.replay().url());
      try (FaktoryClient client = FaktoryClient.connect(url.toString())) {
        client.flush();
      }
    }

    @Test
    void asksForInfoInstead(URI url) {
      try (FaktoryClient client = FaktoryClient.connect(url.toString())) {
        assertThat(client.exchange("INFO")).isInstanceOf(Reply.ErrorReply.class);
      }
    }
  }
}
