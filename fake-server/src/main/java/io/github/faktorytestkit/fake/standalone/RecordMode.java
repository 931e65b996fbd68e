package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.recorder.RecordingProxy;
import io.github.faktorytestkit.transcript.Transcript;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar faktory-fake-server.jar record --upstream URL -o FILE [-b binding]}: a recording proxy that stands
 * where the {@code faktory} binary would ({@code -b}, the same ready line on stdout), forwards every connection to
 * the real server at {@code URL}, and writes the transcript to {@code FILE} when signalled (SIGINT or SIGTERM).
 * {@code -w}, {@code -e}, {@code -d} and {@code -c} are accepted for drop-in use and ignored: the upstream server
 * owns its web UI, environment and storage.
 */
final class RecordMode {
  private static final Set<String> VALUE_FLAGS =
      Set.of("upstream", "o", "output", "b", "l", "scenario", "server", "w", "e", "d", "c");

  String upstream;
  Path output;
  String binding = "localhost:7419";
  String logLevel = "info";
  String scenario = "recorded with the standalone jar";
  String server;

  /** Returns the options in {@code args}; throws {@link StartupException} (status 2) for a malformed line. */
  static RecordMode parse(String... args) throws StartupException {
    GoFlags flags = GoFlags.parse(Set.of(), VALUE_FLAGS, args);
    RecordMode mode = new RecordMode();
    mode.upstream = flags.value("upstream").orElseThrow(() -> missing("--upstream URL"));
    mode.output = Path.of(flags.value("o").or(() -> flags.value("output")).orElseThrow(() -> missing("-o FILE")));
    mode.binding = flags.value("b").orElse(mode.binding);
    mode.logLevel = flags.value("l").orElse(mode.logLevel);
    mode.scenario = flags.value("scenario").orElse(mode.scenario);
    mode.server = flags.value("server").orElse(null);
    return mode;
  }

  private static StartupException missing(String option) {
    return StartupException.commandLine("record: missing required option " + option, 2);
  }

  /** Returns the usage text printed for a malformed command line. */
  static List<String> usage() {
    return List.of(
        "record --upstream URL -o FILE [-b binding] [--scenario NAME] [--server NAME]",
        "--upstream URL\tthe real Faktory to forward to: tcp://[:password@]host:port or tcp+tls://...",
        "-o FILE\t\twhere the transcript is written when the recorder is stopped (SIGINT or SIGTERM)",
        "-b [binding]\tlisten address, as faktory's -b; default: localhost:7419");
  }

  /** Starts the proxy as {@code args} say and prints the ready line; the caller waits for a signal. */
  static RecordingProxy start(String[] args, PrintStream out) throws StartupException {
    RecordMode mode = parse(args);
    Binding listen;
    try {
      listen = Binding.parse(mode.binding);
    } catch (IllegalArgumentException e) {
      throw StartupException.boot("Unable to boot the recorder: cannot listen on " + mode.binding + ": "
          + e.getMessage());
    }
    RecordingProxy proxy;
    try {
      proxy = RecordingProxy.builder().upstream(mode.upstream).listen(listen.address()).output(mode.output)
          .scenario(mode.scenario).server(mode.server).producer("faktory-fake-server.jar record").start();
    } catch (RuntimeException e) {
      throw StartupException.boot("Unable to boot the recorder: " + e.getMessage());
    }
    ServerLog log = new ServerLog(out, mode.logLevel, Clock.systemUTC());
    log.info("Recording to " + mode.output);
    log.info("PID " + ProcessHandle.current().pid() + " listening at " + listen.describe(proxy.port())
        + ", press Ctrl-C to stop");
    return proxy;
  }

  /** Runs the recorder until the process is signalled, then writes the transcript and exits 0. */
  static void run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    err.println("Faktory Testkit recording proxy: forwards to a real Faktory and records the wire");
    RecordingProxy proxy;
    try {
      proxy = start(args, out);
    } catch (StartupException e) {
      err.println(e.getMessage());
      if (e.commandLineMistake()) {
        usage().forEach(err::println);
      }
      System.exit(e.exitStatus());
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      proxy.close();
      Transcript transcript = proxy.transcript();
      err.println("Recorded " + transcript.connections().size() + " connections, " + transcript.frames().size()
          + " frames");
      stopped.countDown();
      Runtime.getRuntime().halt(0);
    }, "faktory-recorder-shutdown"));
    stopped.await();
  }
}
