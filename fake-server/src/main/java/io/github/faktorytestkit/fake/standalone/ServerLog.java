package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.fake.RecordedCommand;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The standalone server's log, in real Faktory's format on stdout: {@code <level letter> <UTC time with
 * milliseconds>Z <message>}, e.g. {@code I 2026-02-19T12:00:00.000Z PID 42 listening at ...}.
 *
 * <p>As in Faktory, info lines appear only at level {@code info} or {@code debug}; warnings and errors always; at
 * {@code debug}, one line per answered command ({@link #command}).
 * Thread-safe.
 */
final class ServerLog {
  private final PrintStream out;
  private final boolean infoEnabled;
  private final boolean debugEnabled;
  private final Clock clock;

  /** Creates a log writing to {@code out} at {@code level} (any text; only info and debug enable info lines). */
  ServerLog(PrintStream out, String level, Clock clock) {
    this.out = out;
    this.debugEnabled = level.equals("debug");
    this.infoEnabled = level.equals("info") || debugEnabled;
    this.clock = clock;
  }

  /** Logs the binary's ready line for a command port bound as {@code listen} (on {@code port} when it asked for 0). */
  void ready(Binding listen, int port) {
    info("PID " + ProcessHandle.current().pid() + " listening at " + listen.describe(port) + ", press Ctrl-C to stop");
  }

  /** Writes an info line, if the level allows. */
  void info(String message) {
    if (infoEnabled) {
      write('I', message);
    }
  }

  /** Returns whether debug lines are written (level {@code debug}). */
  boolean debugEnabled() {
    return debugEnabled;
  }

  /**
   * Writes a debug line for one answered command, if the level allows: connection, line and replies, with
   * {@code pwdhash} masked and line breaks escaped, e.g. {@code D <time> #1 PUSH {...} => +OK}.
   */
  void command(RecordedCommand command) {
    if (debugEnabled) {
      StringBuilder line = new StringBuilder("#").append(command.connectionIndex()).append(' ')
          .append(SecretMask.line(command.line())).append(" =>");
      command.replies().forEach(reply -> line.append(' ').append(SecretMask.reply(reply)));
      if (command.replies().isEmpty()) {
        line.append(" (closed without reply)");
      }
      write('D', line.toString());
    }
  }

  /** Writes an error line. */
  void error(String message) {
    write('E', message);
  }

  private synchronized void write(char level, String message) {
    out.println(level + " " + timestamp(clock.instant()) + " " + message);
    out.flush();
  }

  /**
   * Returns Faktory's time stamp of {@code instant}: UTC with milliseconds, {@code 2026-02-19T12:00:00.000Z}. Put
   * together by hand: a cold JVM takes 10-25 ms to initialise java.time's formatters ({@code DateTimeFormatter}'s
   * own constants among them) before the jar's first line, 1-3 ms for this.
   */
  static String timestamp(Instant instant) {
    LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(24);
    digits(text, time.getYear(), 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    digits(text, time.getSecond(), 2).append('.');
    return digits(text, time.getNano() / 1_000_000, 3).append('Z').toString();
  }

  /** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
  private static StringBuilder digits(StringBuilder text, int value, int width) {
    String number = Integer.toString(value);
    for (int i = number.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(number);
  }
}
