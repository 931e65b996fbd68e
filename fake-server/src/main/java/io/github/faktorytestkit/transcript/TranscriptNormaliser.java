package io.github.faktorytestkit.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw capture into a transcript with named placeholders for the values that change between runs, so that
 * two recordings of the same scenario differ only in placeholder values. The recorded values stay in the
 * placeholders ({@code {{jid:1=...}}}), so no byte is lost. Existing placeholders are re-derived from scratch.
 *
 * <p>Identities are bound by value: the same value gets the same placeholder wherever it occurs again, so a replay
 * can check it on reuse (a pushed jid fetched later). They are {@code jid} ({@code "jid":"…"}, the items of
 * {@code "jids":[…]}), {@code wid}, {@code hostname}, {@code pid}, {@code pwdhash}, HI's {@code salt}, and
 * {@code ts}: every RFC 3339 timestamp within a day of the header's {@code recorded} instant (fixed test dates such
 * as 2099-01-01 stay literal). An identity string of 4 or more characters is also replaced where it occurs as a
 * whole word elsewhere (e.g. in {@code -ERR Job not found <jid>} or a PUSHB result's keys).
 *
 * <p>Measurements get a fresh placeholder at every occurrence: HI's {@code iter}; INFO's {@code clock}
 * (server_utc_time), {@code uptime}, {@code mem} (used_memory_mb), {@code count} (command_count), {@code conns}
 * (connections), {@code cycles} and {@code walltime} (wall_time_sec); BEAT's {@code rss}; and the seconds of a
 * QUEUE LATENCY reply, {@code latency}. Stateless and thread-safe.
 */
public final class TranscriptNormaliser {
  private static final String STRING = "((?:[^\"\\\\]|\\\\.)*)";
  private static final String NUMBER = "(-?[0-9][-0-9.eE+]*)";
  private static final Duration TIMESTAMP_WINDOW = Duration.ofDays(1);
  private static final int MIN_WORD_LENGTH = 4;
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern JIDS = Pattern.compile("\"jids\":\\[([^\\]]*)\\]");
  private static final Pattern QUOTED = Pattern.compile("\"" + STRING + "\"");
  private static final Pattern LATENCY = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\":" + NUMBER);

  /** A rule: a pattern whose group 1 is the value, the placeholder name, and whether it is bound by value. */
  private record Rule(Pattern pattern, String name, boolean identity, boolean serverGreetingOnly) {
    static Rule identity(String key, String valuePattern, String name) {
      return new Rule(Pattern.compile("\"" + key + "\":" + valuePattern), name, true, false);
    }

    static Rule measurement(String key, String valuePattern, String name) {
      return new Rule(Pattern.compile("\"" + key + "\":" + valuePattern), name, false, false);
    }
  }

  private static final List<Rule> RULES = List.of(
      Rule.identity("jid", "\"" + STRING + "\"", "jid"),
      Rule.identity("wid", "\"" + STRING + "\"", "wid"),
      Rule.identity("hostname", "\"" + STRING + "\"", "hostname"),
      Rule.identity("pid", NUMBER, "pid"),
      Rule.identity("pwdhash", "\"" + STRING + "\"", "pwdhash"),
      new Rule(Pattern.compile("\"s\":\"([0-9a-f]+)\""), "salt", true, true),
      new Rule(Pattern.compile("\"i\":([0-9]+)"), "iter", false, true),
      Rule.measurement("server_utc_time", "\"([0-9]{2}:[0-9]{2}:[0-9]{2}) UTC\"", "clock"),
      Rule.measurement("uptime", NUMBER, "uptime"),
      Rule.measurement("used_memory_mb", NUMBER, "mem"),
      Rule.measurement("command_count", NUMBER, "count"),
      Rule.measurement("connections", NUMBER, "conns"),
      Rule.measurement("cycles", NUMBER, "cycles"),
      Rule.measurement("wall_time_sec", NUMBER, "walltime"),
      Rule.measurement("rss_kb", NUMBER, "rss"));

  private TranscriptNormaliser() {}

  /** Returns {@code raw} with placeholders for every value the rules above find. */
  public static Transcript normalise(Transcript raw) {
    Run run = new Run(raw.header().recorded());
    List<TranscriptEvent> events = new ArrayList<>();
    for (TranscriptEvent event : raw.events()) {
      events.add(event instanceof TranscriptEvent.Frame frame ? run.frame(frame) : event);
    }
    return new Transcript(raw.header(), events);
  }

  /** A found value: where it is in the frame's text, and its placeholder name. */
  private record Span(int start, int end, String name, boolean identity) {}

  /** One normalisation: the placeholders bound so far and the last line each connection sent. */
  private static final class Run {
    private final Optional<Instant> recorded;
    private final Map<String, Integer> bound = new HashMap<>();
    private final Map<String, String> words = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, String> lastLine = new HashMap<>();

    Run(Optional<Instant> recorded) {
      this.recorded = recorded;
    }

    TranscriptEvent.Frame frame(TranscriptEvent.Frame frame) {
      // ISO-8859-1 maps each byte to one char and back, so the spans found below are byte offsets
      String text = new String(frame.body().bytes(), StandardCharsets.ISO_8859_1);
      List<Span> spans = new ArrayList<>();
      boolean greeting = frame.sender() == Side.SERVER && frame.shape() == FrameShape.SIMPLE
          && text.startsWith("HI ");
      RULES.stream().filter(rule -> greeting || !rule.serverGreetingOnly())
          .forEach(rule -> find(rule, text, spans));
      findJids(text, spans);
      findTimestamps(text, spans);
      if (frame.sender() == Side.SERVER && frame.shape() == FrameShape.BULK && askedLatency(frame.connection())) {
        find(new Rule(LATENCY, "latency", false, false), text, spans);
      }
      findWords(text, spans);
      if (frame.sender() == Side.CLIENT) {
        lastLine.put(frame.connection(), text);
      }
      return frame.withBody(template(text, spans));
    }

    private boolean askedLatency(String connection) {
      String line = lastLine.getOrDefault(connection, "");
      return line.toUpperCase(Locale.ROOT).startsWith("QUEUE LATENCY");
    }

    private static void find(Rule rule, String text, List<Span> spans) {
      Matcher matcher = rule.pattern().matcher(text);
      while (matcher.find()) {
        spans.add(new Span(matcher.start(1), matcher.end(1), rule.name(), rule.identity()));
      }
    }

    private static void findJids(String text, List<Span> spans) {
      Matcher list = JIDS.matcher(text);
      while (list.find()) {
        Matcher item = QUOTED.matcher(text).region(list.start(1), list.end(1));
        while (item.find()) {
          spans.add(new Span(item.start(1), item.end(1), "jid", true));
        }
      }
    }

    private void findTimestamps(String text, List<Span> spans) {
      Matcher matcher = TIMESTAMP.matcher(text);
      while (matcher.find()) {
        if (nearRecording(matcher.group())) {
          spans.add(new Span(matcher.start(), matcher.end(), "ts", true));
        }
      }
    }

    private boolean nearRecording(String timestamp) {
      if (recorded.isEmpty()) {
        return true;
      }
      try {
        Instant at = OffsetDateTime.parse(timestamp).toInstant();
        return Duration.between(recorded.get(), at).abs().compareTo(TIMESTAMP_WINDOW) <= 0;
      } catch (DateTimeParseException notATime) {
        return false;
      }
    }

    /** Finds identities bound earlier (or in this frame's rules) where they occur as whole words. */
    private void findWords(String text, List<Span> spans) {
      spans.stream().filter(Span::identity).filter(span -> span.end() - span.start() >= MIN_WORD_LENGTH)
          .filter(span -> !span.name().equals("ts") && !span.name().equals("pid") && !span.name().equals("salt"))
          .toList()
          .forEach(span -> words.putIfAbsent(text.substring(span.start(), span.end()), span.name()));
      words.forEach((word, name) -> {
        for (int from = text.indexOf(word); from >= 0; from = text.indexOf(word, from + 1)) {
          if (isWholeWord(text, from, from + word.length())) {
            spans.add(new Span(from, from + word.length(), name, true));
          }
        }
      });
    }

    private static boolean isWholeWord(String text, int start, int end) {
      return (start == 0 || !isWordChar(text.charAt(start - 1)))
          && (end == text.length() || !isWordChar(text.charAt(end)));
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c > 0x7f;
    }

    /** Builds the body: spans sorted by start, overlaps dropped (the earliest and then the longest wins). */
    private Template template(String text, List<Span> spans) {
      spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
      List<Segment> segments = new ArrayList<>();
      int done = 0;
      for (Span span : spans) {
        if (span.start() < done || span.start() == span.end()) {
          continue;
        }
        segments.add(new Segment.Literal(bytes(text.substring(done, span.start()))));
        segments.add(slot(span.name(), bytes(text.substring(span.start(), span.end())), span.identity()));
        done = span.end();
      }
      segments.add(new Segment.Literal(bytes(text.substring(done))));
      return Template.of(segments);
    }

    private Segment.Slot slot(String name, byte[] value, boolean identity) {
      String valueKey = name + "=" + new String(value, StandardCharsets.ISO_8859_1);
      Integer index = identity ? bound.get(valueKey) : null;
      if (index != null) {
        return new Segment.Slot(name, index, value, false);
      }
      int fresh = counters.merge(name, 1, Integer::sum);
      if (identity) {
        bound.put(valueKey, fresh);
      }
      return new Segment.Slot(name, fresh, value, true);
    }

    private static byte[] bytes(String latin1) {
      return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
  }
}
