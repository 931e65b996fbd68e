package io.github.faktorytestkit.fake.standalone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line parsed the way Go's flag package parses the {@code faktory} binary's: a flag may be written with one
 * or two dashes and its value after a space or an {@code =}; a boolean flag takes no separate value; parsing stops
 * at the first argument that is not a flag, or after {@code --}; the arguments after the flags are left alone.
 *
 * <p>Hand-written rather than a command-line library: the jar has a handful of flags, and a library's reflection and
 * annotation processing was a large share of its start-up.
 */
final class GoFlags {
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Boolean> booleans = new HashMap<>();
  private final List<String> arguments = new ArrayList<>();

  private GoFlags() {}

  /**
   * Parses {@code args}, knowing the boolean flags {@code booleanFlags} and the flags that take a value
   * {@code valueFlags}; throws {@link StartupException} (status 2) with Go's message for a malformed line.
   */
  static GoFlags parse(Set<String> booleanFlags, Set<String> valueFlags, String... args) throws StartupException {
    GoFlags flags = new GoFlags();
    int next = 0;
    while (next < args.length && isFlag(args[next])) {
      String arg = args[next++];
      if (arg.equals("--")) {
        break;
      }
      next = flags.parseFlag(booleanFlags, valueFlags, arg, args, next);
    }
    flags.arguments.addAll(List.of(args).subList(next, args.length));
    return flags;
  }

  /** Returns the value of flag {@code name}, if it was given. */
  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Returns whether boolean flag {@code name} was given (and not as {@code =false}). */
  boolean isSet(String name) {
    return booleans.getOrDefault(name, false);
  }

  /** Returns the arguments after the flags. */
  List<String> arguments() {
    return arguments;
  }

  private static boolean isFlag(String arg) {
    return arg.length() >= 2 && arg.charAt(0) == '-';
  }

  /** Applies the flag {@code arg}, taking its value from {@code args[next]} if needed; returns the next index. */
  private int parseFlag(Set<String> booleanFlags, Set<String> valueFlags, String arg, String[] args, int next)
      throws StartupException {
    String name = arg.substring(arg.charAt(1) == '-' ? 2 : 1);
    if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
      throw StartupException.commandLine("bad flag syntax: " + arg, 2);
    }
    int equals = name.indexOf('=');
    String value = equals < 0 ? null : name.substring(equals + 1);
    name = equals < 0 ? name : name.substring(0, equals);
    if (booleanFlags.contains(name)) {
      booleans.put(name, value == null || parseBoolean(name, value));
      return next;
    }
    if (!valueFlags.contains(name)) {
      throw StartupException.commandLine("flag provided but not defined: -" + name, 2);
    }
    if (value == null) {
      if (next == args.length) {
        throw StartupException.commandLine("flag needs an argument: -" + name, 2);
      }
      value = args[next++];
    }
    values.put(name, value);
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
}
