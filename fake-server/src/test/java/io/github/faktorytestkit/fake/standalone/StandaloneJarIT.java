package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.RawClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar (and its {@code faktory} launcher) as the faktory binary would run in another language's CI,
 * and stops it with SIGTERM.
 */
@Timeout(60)
class StandaloneJarIT {
  private static final Path JAR = Path.of("target", "faktory-fake-server.jar");
  private static final Path LAUNCHER = Path.of("target", "faktory");

  @Test
  void jarStartsPrintsTheReadyLineServesAndStopsCleanlyOnSigterm() throws Exception {
    int port = freePort();
    int webPort = freePort();
    Process process = startJar(port, webPort);
    BlockingQueue<String> stdout = lines(process);
    try {
      assertThat(awaitLine(stdout, "listening at 127.0.0.1:" + port))
          .matches(readyLine(process, port));
      assertServesAndStopsOnSigterm(process, stdout, port, webPort);
    } finally {
      process.destroyForcibly();
    }
  }

  /** Netty is loaded only for TLS: the jar's plain connections stay on the JDK's selector for good. */
  @Test
  void jarServingPlainTcpNeverLoadsNetty(@TempDir Path scratch) throws Exception {
    Path classes = scratch.resolve("classes.log");
    int port = freePort();
    int webPort = freePort();
    Process process = startJar(List.of("-Xlog:class+load=info:file=" + classes), port, webPort);
    BlockingQueue<String> stdout = lines(process);
    try {
      awaitLine(stdout, "Web server now listening");
      try (RawClient client = RawClient.connect(port)) {
        client.readLine();
        assertThat(client.command("HELLO {\"v\":2}")).isEqualTo("+OK\r\n");
        assertThat(client.command("PUSH {\"jid\":\"plain-tcp-job\",\"jobtype\":\"T\",\"args\":[]}")).isEqualTo("+OK\r\n");
        assertThat(client.command("FETCH default")).contains("\"jid\":\"plain-tcp-job\"");
      }
      assertServesAndStopsOnSigterm(process, stdout, port, webPort);
    } finally {
      process.destroyForcibly();
    }

    assertThat(Files.readString(classes))
        .contains("io.github.faktorytestkit.fake.transport.EarlyConnection ")
        .doesNotContain(" io.netty.");
  }

  @Test
  void launcherBesideTheJarMapsItsArchiveAndExecsItsJvmWhoseFirstLineOnStdoutIsTheReadyLine() throws Exception {
    assertThat(LAUNCHER).as("written by mvn package").isExecutable();
    int port = freePort();
    int webPort = freePort();
    ProcessBuilder launcher = new ProcessBuilder(LAUNCHER.toString(), "-b", "127.0.0.1:" + port,
        "-w", "127.0.0.1:" + webPort);
    launcher.environment().put("JAVA", javaBinary());
    // a JVM told -Xshare:on refuses to start unless it maps the class-data archive the build wrote beside the jar
    launcher.environment().put("FAKTORY_JAVA_OPTS", "-Xshare:on");
    Process process = launcher.start();
    BlockingQueue<String> stdout = lines(process);
    try {
      // the ready line names the launcher's own pid: the script exec'd the JVM, so a signal reaches the server
      assertThat(stdout.poll(30, TimeUnit.SECONDS)).matches(readyLine(process, port));
      // the jar leaves the launcher's JVM flags be and does not tune that JVM itself
      String[] jvmArguments = process.toHandle().info().arguments().orElseThrow();
      assertThat(jvmArguments).contains("-D" + FakeFaktoryMain.LAUNCHED + "=true");
      // Netty's epoll library, which the build put beside the launcher, is loaded from there, not copied out of the jar
      Path here = LAUNCHER.getParent(); // as the launcher was invoked: it names its directory without resolving it
      assertThat(here.resolve("libnetty_transport_native_epoll_x86_64.so")).isRegularFile();
      assertThat(jvmArguments).contains("-Djava.library.path=" + here);
      assertServesAndStopsOnSigterm(process, stdout, port, webPort);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void c2ComesOutOfTheJarsJvmThroughItsOwnAttachListener() throws Exception {
    Process probe = new ProcessBuilder(javaBinary(), "-cp",
        JAR + java.io.File.pathSeparator + Path.of("target", "test-classes"), C2ExclusionProbe.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor()).as(output).isZero();
    assertThat(output).startsWith("applies true\n1 compiler directives added\n")
        .containsPattern("matching: \\*\\.\\*\\s+c1 directives:[^\\n]*\\n[^\\n]*\\n[^\\n]*Exclude:false"
            + "[\\s\\S]*?c2 directives:[^\\n]*\\n[^\\n]*\\n[^\\n]*Exclude:true")
        .doesNotContain("Full thread dump");
    // the C heap's trim goes through the same listener exactly where the JVM has the command
    String listed = output.contains("listed true") ? "true" : "false";
    assertThat(output).contains("trimmed " + listed + "\n");
  }

  private static String readyLine(Process process, int port) {
    return "I \\S+Z PID " + process.pid() + " listening at 127\\.0\\.0\\.1:" + port + ", press Ctrl-C to stop";
  }

  private static void assertServesAndStopsOnSigterm(Process process, BlockingQueue<String> stdout, int port,
      int webPort) throws Exception {
    assertThat(health(webPort)).contains("\"faktory_version\":\"1.9.4\"");
    try (RawClient client = RawClient.connect(port)) {
      assertThat(client.readLine()).startsWith("+HI {\"v\":2");
    }

    // SIGTERM; Process.destroy() would also close our end of the jar's stdout
    process.toHandle().destroy();

    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(awaitLine(stdout, "shutting down")).endsWith("Faktory shutting down");
  }

  @Test
  void aPythonScriptAdvancesARetryAndReadsTheJournalThroughTheAdminApi() throws Exception {
    int port = freePort();
    int webPort = freePort();
    Process process = startJar(port, webPort, "-testkit-admin");
    try {
      awaitLine(lines(process), "Web server now listening");
      Process script = python(Path.of("src", "test", "python", "admin_retry.py").toString(), String.valueOf(port),
          String.valueOf(webPort));
      String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(script.exitValue()).as(output).isZero();
      assertThat(output).contains("journal HELLO PUSH FETCH FAIL FETCH").contains("OK retried after advance");
    } finally {
      process.destroyForcibly();
    }
  }

  /** Starts python3 with {@code args}; skips without one, except in CI ({@code -Dfaktory.real.required=true}). */
  private static Process python(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      if (Boolean.getBoolean("faktory.real.required")) {
        throw new AssertionError("python3 is required in CI (-Dfaktory.real.required=true): " + e.getMessage(), e);
      }
      throw new org.opentest4j.TestAbortedException("python3 not found: " + e.getMessage());
    }
  }

  /** Starts the built jar on {@code port} and {@code webPort} of 127.0.0.1, with {@code flags} first. */
  private static Process startJar(int port, int webPort, String... flags) throws Exception {
    return startJar(List.of(), port, webPort, flags);
  }

  /** Starts the built jar in a JVM given {@code jvmOptions}, as {@link #startJar(int, int, String...)}. */
  private static Process startJar(List<String> jvmOptions, int port, int webPort, String... flags) throws Exception {
    assertThat(JAR).as("built by mvn package").exists();
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(flags));
    command.addAll(List.of("-b", "127.0.0.1:" + port, "-w", "127.0.0.1:" + webPort));
    return new ProcessBuilder(command).start();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String health(int webPort) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/health")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        in.lines().forEach(lines::add);
      } catch (java.io.IOException | UncheckedIOException e) {
        // the process ended
      }
    }, "jar-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String awaitLine(BlockingQueue<String> lines, String fragment) throws InterruptedException {
    List<String> skipped = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null && line.contains(fragment)) {
        return line;
      }
      skipped.add(line);
    }
    throw new AssertionError("no line containing '" + fragment + "' on the jar's stdout within 30 s: " + skipped);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
