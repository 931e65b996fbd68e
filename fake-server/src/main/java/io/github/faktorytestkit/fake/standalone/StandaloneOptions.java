package io.github.faktorytestkit.fake.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the {@code faktory} binary, as the fake takes it: {@code -b}, {@code -w}, {@code -e} and
 * {@code -l} mean what they mean there; {@code -d} and {@code -c} are accepted and ignored (the fake stores nothing
 * and reads no configuration); {@code -v} prints the version. Parsed the way Go's flag package parses: a flag may be
 * written with one or two dashes and its value after a space or an {@code =}; a boolean flag takes no separate
 * value; parsing stops at the first argument that is not a flag, or after {@code --}.
 *
 * <p>Hand-written rather than a command-line library: the binary has eight flags, and a library's reflection and
 * annotation processing was a large share of the jar's start-up.
 */
final class StandaloneOptions {
  private static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");
  private static final Set<String> BOOLEAN_FLAGS = Set.of("v", "h", "help");
  private static final Set<String> VALUE_FLAGS = Set.of("b", "w", "e", "l", "d", "c");

  String binding = "localhost:7419";
  String webBinding = "localhost:7420";
  String environment;
  String logLevel = "info";
  String storageDirectory;
  String configDirectory;
  boolean version;
  boolean help;

  /** Go's flag package leaves arguments after the flags alone; so does the fake. */
  List<String> arguments = new ArrayList<>();

  /** Returns the options in {@code args}; throws {@link StartupException} (status 2) for a malformed line. */
  static StandaloneOptions parse(String... args) throws StartupException {
    StandaloneOptions options = new StandaloneOptions();
    int next = 0;
    while (next < args.length && isFlag(args[next])) {
      String arg = args[next++];
      if (arg.equals("--")) {
        break;
      }
      next = options.parseFlag(arg, args, next);
    }
    options.arguments.addAll(List.of(args).subList(next, args.length));
    return options;
  }

  private static boolean isFlag(String arg) {
    return arg.length() >= 2 && arg.charAt(0) == '-';
  }

  /** Applies the flag {@code arg}, taking its value from {@code args[next]} if needed; returns the next index. */
  private int parseFlag(String arg, String[] args, int next) throws StartupException {
    String name = arg.substring(arg.charAt(1) == '-' ? 2 : 1);
    if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
      throw StartupException.commandLine("bad flag syntax: " + arg, 2);
    }
    int equals = name.indexOf('=');
    String value = equals < 0 ? null : name.substring(equals + 1);
    name = equals < 0 ? name : name.substring(0, equals);
    if (BOOLEAN_FLAGS.contains(name)) {
      setBoolean(name, value == null || parseBoolean(name, value));
      return next;
    }
    if (!VALUE_FLAGS.contains(name)) {
      throw StartupException.commandLine("flag provided but not defined: -" + name, 2);
    }
    if (value == null) {
      if (next == args.length) {
        throw StartupException.commandLine("flag needs an argument: -" + name, 2);
      }
      value = args[next++];
    }
    setValue(name, value);
    return next;
  }

  /** Go's strconv.ParseBool. */
  private static boolean parseBoolean(String name, String value) throws StartupException {
    switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> {
        return true;
      }
      case "0", "f", "F", "FALSE", "false", "False" -> {
        return false;
      }
      default -> throw StartupException.commandLine(
          "invalid boolean value \"" + value + "\" for -" + name + ": parse error", 2);
    }
  }

  private void setBoolean(String name, boolean value) {
    if (name.equals("v")) {
      version = value;
    } else {
      help = value;
    }
  }

  private void setValue(String name, String value) {
    switch (name) {
      case "b" -> binding = value;
      case "w" -> webBinding = value;
      case "e" -> environment = value;
      case "l" -> logLevel = value;
      case "d" -> storageDirectory = value;
      default -> configDirectory = value;
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

  /** Returns a note for each flag given that the fake accepts but ignores. */
  List<String> ignoredFlagNotes() {
    List<String> notes = new ArrayList<>();
    if (storageDirectory != null) {
      notes.add("note: -d " + storageDirectory + " is ignored: the fake keeps everything in memory");
    }
    if (configDirectory != null) {
      notes.add("note: -c " + configDirectory + " is ignored: the fake reads no configuration files");
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
