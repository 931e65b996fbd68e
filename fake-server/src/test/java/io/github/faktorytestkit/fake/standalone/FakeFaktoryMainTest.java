package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.faktorytestkit.fake.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FakeFaktoryMainTest {
  private static final Path NO_FILE = Path.of("/nonexistent/faktory/password");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void tunesItsJvmUnlessTheLauncherStartedIt() {
    assertThat(FakeFaktoryMain.tunesItsJvm()).isTrue();
    System.setProperty(FakeFaktoryMain.LAUNCHED, "true");
    try {
      assertThat(FakeFaktoryMain.tunesItsJvm()).isFalse();
    } finally {
      System.clearProperty(FakeFaktoryMain.LAUNCHED);
    }
  }

  @Test
  void printsTheReadyLinesAndServesTheProtocol() throws Exception {
    Optional<FakeFaktoryMain.Running> running = launch(Map.of(), "-b", "127.0.0.1:0", "-w", "127.0.0.1:0");

    try (StandaloneServer server = running.orElseThrow().server()) {
      int port = server.faktory().port();
      int webPort = server.webAddress().orElseThrow().getPort();
      // the binary's order: the command port's line first (a harness waiting for "listening at" may connect then)
      assertThat(text(out)).matches("I \\S+Z PID " + ProcessHandle.current().pid() + " listening at 127\\.0\\.0\\.1:"
          + port + ", press Ctrl-C to stop\\R" + "I \\S+Z Web server now listening at 127\\.0\\.0\\.1:" + webPort
          + "\\R");
      try (RawClient client = RawClient.connect(port)) {
        assertThat(client.readLine()).startsWith("+HI ");
      }
    }
  }

  @Test
  void bindsExactlyTheGivenPortAndCanDisableTheWebEndpoints() throws Exception {
    int port = freePort();
    try (StandaloneServer server = launch(Map.of(), "-b", "127.0.0.1:" + port, "-w", ":0").orElseThrow().server()) {
      assertThat(server.faktory().port()).isEqualTo(port);
      assertThat(server.webAddress()).isEmpty();
      assertThat(text(out)).doesNotContain("Web server");
    }
  }

  @Test
  void warnLevelPrintsNoReadyLine() throws Exception {
    try (StandaloneServer server = launch(Map.of(), "-b", "127.0.0.1:0", "-w", ":0", "-l", "warn").orElseThrow()
        .server()) {
      assertThat(server.faktory().port()).isPositive();
      assertThat(text(out)).isEmpty();
    }
  }

  @Test
  void passwordFromTheEnvironmentProtectsTheServer() throws Exception {
    Map<String, String> env = Map.of("FAKTORY_PASSWORD", "pw", "FAKTORY_ENV", "production");
    try (StandaloneServer server = launch(env, "-b", "127.0.0.1:0", "-w", ":0").orElseThrow().server()) {
      assertThat(server.faktory().url().getUserInfo()).isEqualTo(":pw");
    }
  }

  @Test
  void versionFlagPrintsTheVersionAndStartsNothing() throws Exception {
    assertThat(launch(Map.of(), "-v")).isEmpty();
    assertThat(text(err)).startsWith("Faktory 1.9.4" + System.lineSeparator());
  }

  @Test
  void productionWithoutPasswordIsReportedAsAnErrorLine() {
    StartupException failure = launchFailure(Map.of(), "-e", "production", "-b", "127.0.0.1:0");
    FakeFaktoryMain.report(failure, print(out), print(err));

    assertThat(text(out)).matches("E \\S+Z Unable to create Faktory server: faktory requires a password to be set "
        + "in staging or production, see the Security wiki page\\R");
    assertThat(failure.exitStatus()).isEqualTo(1);
  }

  @Test
  void busyPortIsReportedAsABootFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String binding = "127.0.0.1:" + taken.getLocalPort();
      assertThatThrownBy(() -> launch(Map.of(), "-b", binding, "-w", ":0"))
          .hasMessageStartingWith("Unable to boot the command server: cannot listen on " + binding + ": ");
    }
  }

  @Test
  void commandLineMistakesPrintTheUsageOnStderr() {
    StartupException failure = launchFailure(Map.of(), "-q");
    FakeFaktoryMain.report(failure, print(out), print(err));

    assertThat(text(err)).contains("flag provided but not defined: -q").contains("-b [binding]");
    assertThat(failure.exitStatus()).isEqualTo(2);
  }

  private Optional<FakeFaktoryMain.Running> launch(Map<String, String> env, String... args) throws StartupException {
    return FakeFaktoryMain.launch(args, env, print(out), print(err), NO_FILE);
  }

  private StartupException launchFailure(Map<String, String> env, String... args) {
    try {
      launch(env, args).ifPresent(running -> running.server().close());
      throw new AssertionError("expected a startup failure for " + String.join(" ", args));
    } catch (StartupException e) {
      return e;
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
