package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.protocol.Escaping;
import io.github.faktorytestkit.protocol.Reply;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a server answered into text that is equal for two faithful servers: only what is inherently variable
 * is replaced. That is: timestamps the server made up (those not in the line sent), INFO's clock, uptime, memory,
 * task cycles and run time, the counts of commands and connections (they depend on the server's whole history),
 * QUEUE LATENCY's seconds, and HI's random iterations and salt. Everything else, down to key order and escaping, is
 * kept. Stateless and thread-safe.
 */
public final class WireNormaliser {
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern VARIABLE_NUMBERS = Pattern.compile(
      "\"(uptime|used_memory_mb|command_count|connections|cycles|wall_time_sec)\":[-0-9.eE+]+");
  private static final Pattern UTC_CLOCK = Pattern.compile("\"server_utc_time\":\"\\d{2}:\\d{2}:\\d{2} UTC\"");
  private static final Pattern LATENCY_SECONDS = Pattern.compile("(\"(?:[^\"\\\\]|\\\\.)*\":)[-0-9.eE+]+");
  private static final Pattern HI_ITERATIONS = Pattern.compile("\"i\":(\\d+)");
  private static final Pattern HI_SALT = Pattern.compile("\"s\":\"[0-9a-f]{1,16}\"");

  private WireNormaliser() {}

  /**
   * Returns {@code answer}, the answer to {@code sent} (null for the greeting), as comparable text: the frame's exact
   * bytes with control characters and invalid UTF-8 escaped, a bulk string as {@code $} and its normalised content.
   */
  public static String normalise(String sent, WireAnswer answer) {
    if (answer.reply() == null) {
      return answer.event();
    }
    String frame = Escaping.escape(answer.wire());
    if (answer.reply() instanceof Reply.BulkString) {
      String content = frame.substring(frame.indexOf("\\r\\n") + 4, frame.length() - 4);
      return "$" + bulkText(sent == null ? "" : sent, content);
    }
    String line = frame.substring(0, frame.length() - 4);
    return line.startsWith("+HI ") ? greeting(line) : line;
  }

  private static String bulkText(String sent, String text) {
    String normalised = replaceTimestamps(sent, text);
    normalised = VARIABLE_NUMBERS.matcher(normalised).replaceAll("\"$1\":<n>");
    normalised = UTC_CLOCK.matcher(normalised).replaceAll("\"server_utc_time\":\"<hh:mm:ss> UTC\"");
    if (sent.toUpperCase(Locale.ROOT).startsWith("QUEUE LATENCY")) {
      normalised = LATENCY_SECONDS.matcher(normalised).replaceAll("$1<seconds>");
    }
    return normalised;
  }

  /** Replaces each timestamp that does not occur in {@code sent}: the server's own clock readings. */
  private static String replaceTimestamps(String sent, String text) {
    Matcher matcher = TIMESTAMP.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String found = matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(sent.contains(found) ? found : "<time>"));
    }
    return matcher.appendTail(out).toString();
  }

  /** Replaces HI's iterations (after checking Faktory's range, 4000..8095) and salt. */
  private static String greeting(String text) {
    Matcher iterations = HI_ITERATIONS.matcher(text);
    String checked = text;
    if (iterations.find()) {
      int value = Integer.parseInt(iterations.group(1));
      String placeholder = value >= 4000 && value <= 8095 ? "<4000..8095>" : "<out of range: " + value + ">";
      checked = iterations.replaceAll(Matcher.quoteReplacement("\"i\":" + placeholder));
    }
    return HI_SALT.matcher(checked).replaceAll("\"s\":\"<hex>\"");
  }
}
