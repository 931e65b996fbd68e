package io.github.faktorytestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.faktorytestkit.client.FaktoryClient;
import io.github.faktorytestkit.protocol.Reply;
import io.github.faktorytestkit.replay.ReplayFaktory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class ReplayExtensionTest {
  private static final String RECORDING = String.join("\n",
      "# faktory-transcript 1",
      "# scenario: a producer flushes",
      "# recorded: 2026-12-02T10:00:00Z",
      "",
      "0.000 c1 open",
      "0.001 c1 < +HI {\"v\":2}",
      "0.002 c1 > HELLO {\"hostname\":\"{{hostname:1=box}}\",\"pid\":{{pid:1=7}},\"labels\":[\"java\"],\"v\":2}\\r\\n",
      "0.003 c1 < +OK",
      "0.004 c1 > FLUSH\\r\\n",
      "0.005 c1 < +OK",
      "0.006 c1 > END\\r\\n",
      "0.006 c1 close server",
      "0.007 c1 close client",
      "");

  static volatile Path recording;

  @Test
  void aTestPassesWhenItsClientPlaysTheRecording(@TempDir Path temp) throws IOException {
    TestExecutionResult result = run(temp, "flushes");
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void aTestFailsWithTheNearMissDiffWhenItsClientStrays(@TempDir Path temp) throws IOException {
    TestExecutionResult result = run(temp, "asksForInfoInstead");
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(result.getThrowable()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("replay mismatch at c1 frame 4")
        .hasMessageContaining("expected: c1 > FLUSH\\r\\n")
        .hasMessageContaining("actual:   > INFO");
  }

  private static TestExecutionResult run(Path temp, String method) throws IOException {
    recording = Files.writeString(temp.resolve("flush.txt"), RECORDING);
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
    final ReplayExtension replay = ReplayExtension.of(ReplayFaktory.builder(recording));

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
