package io.github.faktorytestkit.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One command line a client sends: a verb, optionally a space and an argument, then CRLF.
 *
 * <p>{@code argument} is null for a bare verb ({@code INFO}) and may be empty, which puts a trailing space on the
 * wire ({@code "PUSH "}): the server treats the two differently. The argument never holds CR or LF.
 *
 * @param verb the command verb
 * @param argument everything after the first space, or null for a bare verb
 */
public record CommandLine(Verb verb, String argument) {
  private static final Set<String> QUEUE_SUBCOMMANDS_NEEDING_NAMES = Set.of("PAUSE", "RESUME", "REMOVE");
  private static final Pattern PASSWORD_HASH = Pattern.compile("(\"pwdhash\"\\s*:\\s*\")[^\"]*(\")");

  /** Creates the line; rejects an argument holding CR or LF. */
  public CommandLine {
    Objects.requireNonNull(verb, "verb");
    if (argument != null && (argument.indexOf('\r') >= 0 || argument.indexOf('\n') >= 0)) {
      throw new IllegalArgumentException("argument: " + Escaping.escape(argument) + " (expected: no CR or LF)");
    }
  }

  /** Returns the bare line {@code verb}. */
  public static CommandLine of(Verb verb) {
    return new CommandLine(verb, null);
  }

  /** Returns the line {@code verb argument}. */
  public static CommandLine of(Verb verb, String argument) {
    return new CommandLine(verb, Objects.requireNonNull(argument, "argument"));
  }

  /**
   * Parses one line as the server does: a trailing CRLF or bare LF is dropped, the verb is the text before the first
   * space, matched case-sensitively.
   *
   * @throws IllegalArgumentException when the verb is not one of {@link Verb} or the text holds another CR or LF
   */
  public static CommandLine parse(String line) {
    String text = stripTerminator(line);
    String verbText = verbOf(text);
    Verb verb = Verb.find(verbText).orElseThrow(() -> new IllegalArgumentException(
        "verb: " + Escaping.escape(verbText) + " (expected: one of " + Set.of(Verb.values()) + ")"));
    return new CommandLine(verb, verbText.length() == text.length() ? null : text.substring(verbText.length() + 1));
  }

  /**
   * Returns the verb of {@code line} as the server dispatches it: the text before the first space, or the whole
   * line when it has none (case kept; the empty string for an empty line). {@code line} has no terminator.
   */
  public static String verbOf(String line) {
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }

  /** Returns the line as text without the terminator. */
  public String text() {
    return argument == null ? verb.name() : verb.name() + ' ' + argument;
  }

  /** Returns the exact bytes of this line on the wire: UTF-8, CRLF-terminated. */
  public byte[] toWire() {
    return (text() + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the text for logs: a HELLO's {@code pwdhash} value is replaced by {@code <redacted>}. */
  public String redacted() {
    if (verb != Verb.HELLO || argument == null) {
      return text();
    }
    return verb.name() + ' ' + PASSWORD_HASH.matcher(argument).replaceAll("$1<redacted>$2");
  }

  /**
   * Returns whether sending this line crashes a Faktory 1.9.4 server: a bare PUSH, PUSHB, ACK, FAIL, BEAT or
   * QUEUE, and {@code QUEUE PAUSE|RESUME|REMOVE} without queue names. 1.10.0 answers these with an error instead.
   */
  public boolean crashesFaktory194() {
    if (argument == null) {
      return verb.crashesFaktoryWhenBare();
    }
    if (verb != Verb.QUEUE) {
      return false;
    }
    String[] words = argument.split(" ", -1);
    return words.length == 1 && QUEUE_SUBCOMMANDS_NEEDING_NAMES.contains(words[0].toUpperCase(Locale.ROOT));
  }

  private static String stripTerminator(String line) {
    Objects.requireNonNull(line, "line");
    if (line.endsWith("\r\n")) {
      return line.substring(0, line.length() - 2);
    }
    return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
  }
}
