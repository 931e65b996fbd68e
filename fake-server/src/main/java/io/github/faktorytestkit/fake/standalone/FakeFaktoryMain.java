package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.fake.model.ModelSettings;
import io.github.faktorytestkit.fake.transport.FaktoryTransport;
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
 * Once its cold start is over it lets its JVM hand idle heap back to the system ({@link HeapGiveBack}) and trims its C
 * heap ({@link NativeHeapTrim}), and takes the C2 compiler out of a JVM that has it ({@link C2Exclusion}).
 */
public final class FakeFaktoryMain {
  private static final Path DEFAULT_PASSWORD_FILE = Path.of("/etc/faktory/password");
  private static final String ADMIN_REFUSED = "Unable to serve -testkit-admin: ";
  /**
   * The system property the {@code faktory} launcher sets: its JVM flags already do what the tuning would (Serial GC
   * with a small heap, C1 only, glibc's trim), so the jar leaves that JVM as it is and never loads the management
   * classes the tuning needs (~100, 0.6 MB resident).
   */
  static final String LAUNCHED = "faktory.launcher";
  /** How long the JVM's tuning waits for the cold start to be over when no client connects. */
  private static final long TUNING_WAIT_MILLIS = 2_000;

  private FakeFaktoryMain() {}

  /**
   * Runs the server until the process is signalled; exits with a non-zero status when it cannot start. A first
   * argument {@code record} runs the recording proxy instead ({@link RecordMode}), {@code replay} a replay of a
   * recording ({@link ReplayMode}); the build's class-data training sets {@link ArchiveTraining#PROPERTY}.
   */
  public static void main(String[] args) throws Exception {
    JdkProviders.apply();
    FaktoryTransport.useStandaloneDefaults();
    FaktoryTransport.prepare();
    if (System.getProperty(ArchiveTraining.PROPERTY) != null) {
      ArchiveTraining.run();
      return;
    }
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
        if (tunesItsJvm()) {
          tuneOnceColdStartIsOver();
        }
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
    if (options.admin) {
      refuseUnguardedAdmin(web, password);
    }
    Optional<TlsFiles> tls = TlsFiles.read(options.configDirectory(environment));
    StandaloneServer server = StandaloneServer.start(command, web, password, tls, options.admin, log);
    // the binary's order: TLS (while booting), the command port once it accepts, then the web server's line
    tls.ifPresent(files -> log.info("TLS activated with " + files.certificate()));
    log.ready(command, server.faktory().port());
    String webListening = tls.isPresent() ? "Web server now listening via TLS at " : "Web server now listening at ";
    web.ifPresent(binding ->
        log.info(webListening + binding.describe(server.webAddress().orElseThrow().getPort())));
    return Optional.of(new Running(server, log));
  }

  /** Refuses test controls nobody could reach, or anyone on the network could use. */
  private static void refuseUnguardedAdmin(Optional<Binding> web, String password) throws StartupException {
    if (web.isEmpty()) {
      throw StartupException.boot(ADMIN_REFUSED + "the web port is disabled (-w :0); give -w a binding");
    }
    if (!web.get().loopbackOnly() && password.isEmpty()) {
      throw StartupException.boot(ADMIN_REFUSED + "the web binding " + web.get().text()
          + " is not loopback-only and there is no password; set FAKTORY_PASSWORD or bind -w 127.0.0.1:<port>");
    }
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

  /** Whether the jar tunes its own JVM: unless the {@code faktory} launcher started it ({@link #LAUNCHED}). */
  static boolean tunesItsJvm() {
    return !Boolean.getBoolean(LAUNCHED);
  }

  /**
   * Tunes the JVM on a daemon thread ({@link HeapGiveBack}, {@link NativeHeapTrim}, {@link C2Exclusion}) once the
   * cold start is over, or {@link #TUNING_WAIT_MILLIS} after ready when it is not: their management beans and attach
   * listener would otherwise share the cores with the first connection.
   */
  private static void tuneOnceColdStartIsOver() {
    Thread tuner = new Thread(() -> {
      try {
        FaktoryTransport.awaitColdStartOver(TUNING_WAIT_MILLIS);
      } catch (InterruptedException e) {
        return; // the process is ending
      }
      HeapGiveBack.apply();
      NativeHeapTrim.start();
      C2Exclusion.start();
    }, "faktory-fake-tuning");
    tuner.setDaemon(true);
    tuner.start();
  }

  private static void awaitSignal(Running running) throws InterruptedException {
    Signals.awaitThen("faktory-fake-shutdown", () -> {
      running.log().info("Faktory shutting down");
      running.server().close();
      return 0;
    });
  }
}
