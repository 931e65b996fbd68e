package io.github.faktorytestkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One running faktory process with its home, output and ports: the machinery behind {@link LocalFaktory}. */
final class FaktoryLaunch {
  private static final int ATTEMPTS = 3;
  private static final Pattern VERSION_LINE = Pattern.compile("^Faktory (\\S+)$");
  private static final Path SHARED_REDIS_CONF = Path.of("/tmp/redis.conf");
  /**
   * Serialises starts (within this JVM) until /tmp/redis.conf exists: Faktory checks for it and then writes it,
   * so two first starts at once could both write it while a Redis reads it.
   */
  private static final Object FIRST_WRITER = new Object();

  private final Process process;
  private final ServerOutput output;
  private final FaktoryHome home;
  private final int port;
  private final int webPort;
  private String version;

  private FaktoryLaunch(Process process, FaktoryHome home, int port, int webPort) {
    this.process = process;
    this.output = new ServerOutput(process.getInputStream(), "faktory-output-" + port);
    this.home = home;
    this.port = port;
    this.webPort = webPort;
  }

  /**
   * Starts faktory and blocks until it is ready; retries on fresh ports when a port was taken meanwhile.
   *
   * @throws IllegalStateException when it does not start; the message carries both logs
   */
  static FaktoryLaunch start(Path binary, String password, String certPem, String keyPem, Duration timeout) {
    for (int attempt = 1; ; attempt++) {
      int[] ports = LoopbackPorts.free(2);
      FaktoryLaunch launch;
      Optional<String> failure;
      synchronized (Files.exists(SHARED_REDIS_CONF) ? new Object() : FIRST_WRITER) {
        launch = spawn(binary, password, FaktoryHome.create(certPem, keyPem), ports);
        failure = launch.awaitReady(timeout);
      }
      if (failure.isEmpty()) {
        return launch;
      }
      String diagnosis = launch.diagnose(failure.get(), binary, timeout);
      launch.stop(Duration.ofSeconds(5));
      if (attempt == ATTEMPTS || !diagnosis.contains("address already in use")) {
        throw new IllegalStateException(diagnosis);
      }
    }
  }

  private static FaktoryLaunch spawn(Path binary, String password, FaktoryHome home, int[] ports) {
    String host = LoopbackPorts.HOST;
    ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "-e", "development", "-l", "info",
        "-b", host + ":" + ports[0], "-w", host + ":" + ports[1],
        "-d", home.storageDirectory().toString(), "-c", home.configDirectory().toString()));
    builder.redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.remove("FAKTORY_ENV");
    environment.remove("FAKTORY_PASSWORD");
    if (password != null) {
      environment.put("FAKTORY_PASSWORD", password);
    }
    try {
      return new FaktoryLaunch(builder.start(), home, ports[0], ports[1]);
    } catch (IOException e) {
      home.delete();
      throw new UncheckedIOException("cannot run " + binary, e);
    }
  }

  /** Returns empty when ready, else what went wrong. */
  private Optional<String> awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Pattern ready = Pattern.compile("PID \\d+ listening at " + Pattern.quote(LoopbackPorts.HOST + ":" + port));
    try {
      if (output.awaitLine(ready, deadline).isEmpty()) {
        return Optional.of(output.ended() ? exitStatus() : "it was not listening in time");
      }
      version = output.awaitLine(VERSION_LINE, deadline).map(m -> m.group(1)).orElse("unknown");
      return awaitWebPort(deadline) ? Optional.empty() : Optional.of("the Web UI port did not accept connections");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while waiting for faktory");
    }
  }

  private String exitStatus() throws InterruptedException {
    return process.waitFor(1, TimeUnit.SECONDS) ? "it exited with code " + process.exitValue() : "it closed its output";
  }

  /** Faktory logs the Web UI line before its listener is bound; connecting proves the port is open. */
  private boolean awaitWebPort(Instant deadline) throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(LoopbackPorts.HOST, webPort), 1000);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(10);
      }
    }
    return false;
  }

  private String diagnose(String failure, Path binary, Duration timeout) {
    return "faktory did not start: " + failure + " (expected: 'PID <n> listening at " + LoopbackPorts.HOST + ":"
        + port + "' within " + timeout + ")\n--- " + binary + " output ---\n" + output.text()
        + "--- redis.log ---\n" + home.redisLog();
  }

  int port() {
    return port;
  }

  int webPort() {
    return webPort;
  }

  String version() {
    return version;
  }

  ServerOutput output() {
    return output;
  }

  /** Stops faktory and its Redis, waits for its output to end and deletes its home. */
  void stop(Duration grace) {
    ProcessTree.stop(process, grace);
    try {
      output.awaitEnd(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    home.delete();
  }
}
