package io.github.faktorytestkit.fake.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of the {@code faktory} binary, as the fake takes it: {@code -b}, {@code -w}, {@code -e} and
 * {@code -l} mean what they mean there; {@code -d} is accepted and ignored (the fake stores nothing); of {@code -c}
 * only the TLS files are read ({@link TlsFiles}); {@code -v} prints the version. Like Go's flag package, a flag may be written with one
 * or two dashes, and its value after a space or an {@code =}.
 */
@Command(name = "faktory")
final class StandaloneOptions {
  private static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");

  @Option(names = {"-b", "--b"}, defaultValue = "localhost:7419")
  String binding;

  @Option(names = {"-w", "--w"}, defaultValue = "localhost:7420")
  String webBinding;

  @Option(names = {"-e", "--e"})
  String environment;

  @Option(names = {"-l", "--l"}, defaultValue = "info")
  String logLevel;

  @Option(names = {"-d", "--d"})
  String storageDirectory;

  @Option(names = {"-c", "--c"})
  String configDirectory;

  @Option(names = {"-v", "--v"}, arity = "0..1")
  boolean version;

  @Option(names = {"-h", "--h", "-help", "--help"}, arity = "0..1")
  boolean help;

  /** Go's flag package leaves arguments after the flags alone; so does the fake. */
  @Parameters(hidden = true)
  List<String> arguments = new ArrayList<>();

  /** Returns the options in {@code args}; throws {@link StartupException} (status 2) for a malformed line. */
  static StandaloneOptions parse(String... args) throws StartupException {
    StandaloneOptions options = new StandaloneOptions();
    try {
      new CommandLine(options).parseArgs(args);
      return options;
    } catch (CommandLine.UnmatchedArgumentException e) {
      throw StartupException.commandLine("flag provided but not defined: " + e.getUnmatched().get(0), 2);
    } catch (CommandLine.MissingParameterException e) {
      CommandLine.Model.ArgSpec missing = e.getMissing().get(0);
      String name = missing instanceof CommandLine.Model.OptionSpec option ? option.shortestName() : "";
      throw StartupException.commandLine("flag needs an argument: " + name, 2);
    } catch (CommandLine.ParameterException e) {
      throw StartupException.commandLine(e.getMessage(), 2);
    }
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
        "-v\t\tprint the version and exit",
        "-h\t\tprint this help");
  }
}
