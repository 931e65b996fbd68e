package io.github.faktorytestkit.fake.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the {@code faktory} binary, as the fake takes it: {@code -b}, {@code -w}, {@code -e} and
 * {@code -l} mean what they mean there; {@code -d} is accepted and ignored (the fake stores nothing); of {@code -c}
 * only the TLS files are read ({@link TlsFiles}); {@code -v} prints the version; {@code -testkit-admin} (the fake's
 * own) serves the test controls ({@link AdminEndpoint}). Parsed as Go's flag package parses
 * ({@link GoFlags}).
 */
final class StandaloneOptions {
  private static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");
  private static final Set<String> BOOLEAN_FLAGS = Set.of("v", "h", "help", "testkit-admin");
  private static final Set<String> VALUE_FLAGS = Set.of("b", "w", "e", "l", "d", "c");

  String binding = "localhost:7419";
  String webBinding = "localhost:7420";
  String environment;
  String logLevel = "info";
  String storageDirectory;
  String configDirectory;
  boolean version;
  boolean help;
  boolean admin;

  /** Go's flag package leaves arguments after the flags alone; so does the fake. */
  List<String> arguments = new ArrayList<>();

  /** Returns the options in {@code args}; throws {@link StartupException} (status 2) for a malformed line. */
  static StandaloneOptions parse(String... args) throws StartupException {
    GoFlags flags = GoFlags.parse(BOOLEAN_FLAGS, VALUE_FLAGS, args);
    StandaloneOptions options = new StandaloneOptions();
    options.binding = flags.value("b").orElse(options.binding);
    options.webBinding = flags.value("w").orElse(options.webBinding);
    options.environment = flags.value("e").orElse(null);
    options.logLevel = flags.value("l").orElse(options.logLevel);
    options.storageDirectory = flags.value("d").orElse(null);
    options.configDirectory = flags.value("c").orElse(null);
    options.version = flags.isSet("v");
    options.help = flags.isSet("h") || flags.isSet("help");
    options.admin = flags.isSet("testkit-admin");
    options.arguments.addAll(flags.arguments());
    return options;
  }

  /**
   * Returns the environment: {@code -e}, else {@code FAKTORY_ENV}, else development; throws
   * {@link StartupException} (status 1) for anything but development, staging or production.
   */
  String environment(Map<String, String> env) throws StartupException {
    String chosen = environment != null ? environment : env.getOrDefault("FAKTORY_ENV", "");
    chosen = chosen.isEmpty() ? "development" : chosen;
    if (!ENVIRONMENTS.contains(chosen)) {
      throw StartupException.commandLine(
          "Invalid environment \"" + chosen + "\": legal values are development, staging or production", 1);
    }
    return chosen;
  }

  /**
   * Returns the configuration directory: {@code -c}, else the binary's default for {@code environment}:
   * {@code ~/.faktory} in development, {@code /etc/faktory} otherwise.
   */
  Path configDirectory(String environment) {
    if (configDirectory != null) {
      return Path.of(configDirectory);
    }
    return environment.equals("development") ? Path.of(System.getProperty("user.home"), ".faktory")
        : Path.of("/etc/faktory");
  }

  /** Returns a note for each flag given that the fake accepts but ignores. */
  List<String> ignoredFlagNotes() {
    List<String> notes = new ArrayList<>();
    if (storageDirectory != null) {
      notes.add("note: -d " + storageDirectory + " is ignored: the fake keeps everything in memory");
    }
    if (configDirectory != null) {
      notes.add("note: -c " + configDirectory + ": only " + TlsFiles.CERTIFICATE_FILE + " and "
          + TlsFiles.PRIVATE_KEY_FILE + " are read (TLS); conf.d/*.toml is ignored");
    }
    return notes;
  }

  /** Returns the usage text printed for {@code -h} and for a malformed command line. */
  static List<String> usage() {
    return List.of(
        "-b [binding]\tcommand port binding (:7419 listens on all interfaces), default: localhost:7419",
        "-w [binding]\tweb endpoints binding (:0 disables them), default: localhost:7420",
        "-e [env]\tenvironment (development, staging, production), default: $FAKTORY_ENV or development",
        "-l [level]\tlog level (error, warn, info, debug), default: info",
        "-testkit-admin\tserve test controls under /testkit/ on the web port (fake only; loopback unless"
            + " FAKTORY_PASSWORD is set), e.g. curl -X POST 'http://localhost:7420/testkit/advance?by=30s'",
        "-v\t\tprint the version and exit",
        "-h\t\tprint this help");
  }
}
