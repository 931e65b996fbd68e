package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.fake.model.ModelSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point of {@code java -jar faktory-fake-server.jar}: a drop-in for the {@code faktory} binary in other
 * languages' CI. It takes the binary's flags and {@code FAKTORY_*} variables, prints the same ready line on stdout
 * ({@code I <time> PID <pid> listening at <binding>, press Ctrl-C to stop}), serves {@code GET /health} and
 * {@code POST /busy} on the web binding, runs on real time, and stops cleanly (exit status 0) on SIGINT or SIGTERM.
 */
public final class FakeFaktoryMain {
  private static final Path DEFAULT_PASSWORD_FILE = Path.of("/etc/faktory/password");

  private FakeFaktoryMain() {}

  /** Runs the server until the process is signalled; exits with a non-zero status when it cannot start. */
  public static void main(String[] args) throws InterruptedException {
    try {
      Optional<Running> running = launch(args, System.getenv(), System.out, System.err, DEFAULT_PASSWORD_FILE);
      if (running.isPresent()) {
        awaitSignal(running.get());
      }
    } catch (StartupException e) {
      report(e, System.out, System.err);
      System.exit(e.exitStatus());
    }
  }

  /** A started server and the log it writes to. */
  record Running(StandaloneServer server, ServerLog log) {}

  /**
   * Starts a server as the command line {@code args} and environment {@code env} say, printing what the binary
   * prints; returns empty when the command line only asked for the version or the help.
   */
  static Optional<Running> launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
      Path fallbackPasswordFile) throws StartupException {
    err.println("Faktory " + ModelSettings.DEFAULT_VERSION);
    err.println("Faktory Testkit fake server: an in-memory stand-in for tests, not Contributed Systems' Faktory");
    StandaloneOptions options = StandaloneOptions.parse(args);
    if (options.help) {
      StandaloneOptions.usage().forEach(err::println);
    }
    if (options.help || options.version) {
      return Optional.empty();
    }
    options.ignoredFlagNotes().forEach(err::println);
    String environment = options.environment(env);
    ServerLog log = new ServerLog(out, options.logLevel, Clock.systemUTC());
    String password = PasswordRule.resolve(environment, env, fallbackPasswordFile);
    Binding command = binding(options.binding, "Unable to boot the command server: cannot listen on ");
    Optional<Binding> web = options.webBinding.equals(":0") ? Optional.empty()
        : Optional.of(binding(options.webBinding, "Unable to start the web server: cannot listen on "));
    Optional<TlsFiles> tls = TlsFiles.read(options.configDirectory(environment));
    StandaloneServer server = StandaloneServer.start(command, web, password, tls);
    // the binary's order: TLS (while booting), the command port once it accepts, then the web server's line
    tls.ifPresent(files -> log.info("TLS activated with " + files.certificate()));
    log.info("PID " + ProcessHandle.current().pid() + " listening at "
        + command.describe(server.faktory().port()) + ", press Ctrl-C to stop");
    String webListening = tls.isPresent() ? "Web server now listening via TLS at " : "Web server now listening at ";
    web.ifPresent(binding ->
        log.info(webListening + binding.describe(server.webAddress().orElseThrow().getPort())));
    return Optional.of(new Running(server, log));
  }

  /** Prints a startup failure where the binary prints it: command-line mistakes on stderr, the rest as a log line. */
  static void report(StartupException failure, PrintStream out, PrintStream err) {
    if (failure.commandLineMistake()) {
      err.println(failure.getMessage());
      StandaloneOptions.usage().forEach(err::println);
    } else {
      new ServerLog(out, "info", Clock.systemUTC()).error(failure.getMessage());
    }
  }

  private static Binding binding(String text, String failurePrefix) throws StartupException {
    try {
      return Binding.parse(text);
    } catch (IllegalArgumentException e) {
      throw StartupException.boot(failurePrefix + text + ": " + e.getMessage());
    }
  }

  private static void awaitSignal(Running running) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.log().info("Faktory shutting down");
      running.server().close();
      stopped.countDown();
      // the real server exits 0 after a signal; without this the JVM would report 128 + signal number
      Runtime.getRuntime().halt(0);
    }, "faktory-fake-shutdown"));
    stopped.await();
  }
}
