package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.fake.model.ModelSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of {@code java -jar faktory-fake-server.jar}: a drop-in for the {@code faktory} binary in other
 * languages' CI. It takes the binary's flags and {@code FAKTORY_*} variables, prints the same ready line on stdout
 * ({@code I <time> PID <pid> listening at <binding>, press Ctrl-C to stop}), serves {@code GET /health} and
 * {@code POST /busy} on the web binding, runs on real time, and stops cleanly (exit status 0) on SIGINT or SIGTERM.
 * Once it is ready it lets its JVM hand idle heap back to the system ({@link HeapGiveBack}).
 */
public final class FakeFaktoryMain {
  private static final Path DEFAULT_PASSWORD_FILE = Path.of("/etc/faktory/password");

  private FakeFaktoryMain() {}

  /**
   * Runs the server until the process is signalled; exits with a non-zero status when it cannot start. A first
   * argument {@code record} runs the recording proxy instead ({@link RecordMode}), {@code replay} a replay of a
   * recording ({@link ReplayMode}).
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("record")) {
      RecordMode.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
      return;
    }
    if (args.length > 0 && args[0].equals("replay")) {
      ReplayMode.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
      return;
    }
    try {
      Optional<Running> running = launch(args, System.getenv(), System.out, System.err, DEFAULT_PASSWORD_FILE);
      if (running.isPresent()) {
        HeapGiveBack.apply();
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
    Binding command = Binding.parseOrRefuse(options.binding, "Unable to boot the command server: cannot listen on ");
    Optional<Binding> web = options.webBinding.equals(":0") ? Optional.empty()
        : Optional.of(Binding.parseOrRefuse(options.webBinding, "Unable to start the web server: cannot listen on "));
    Optional<TlsFiles> tls = TlsFiles.read(options.configDirectory(environment));
    StandaloneServer server = StandaloneServer.start(command, web, password, tls);
    // the binary's order: TLS (while booting), the command port once it accepts, then the web server's line
    tls.ifPresent(files -> log.info("TLS activated with " + files.certificate()));
    log.ready(command, server.faktory().port());
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

  private static void awaitSignal(Running running) throws InterruptedException {
    Signals.awaitThen("faktory-fake-shutdown", () -> {
      running.log().info("Faktory shutting down");
      running.server().close();
      return 0;
    });
  }
}
