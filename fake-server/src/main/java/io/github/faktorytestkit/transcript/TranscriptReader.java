package io.github.faktorytestkit.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text form of {@code recordings/README.md} into a {@link Transcript}: every malformed line, unknown
 * escape, placeholder reused before it is bound or bound twice, and event out of order is a
 * {@link TranscriptFormatException} naming the line. Stateless and thread-safe.
 */
public final class TranscriptReader {
  private static final Pattern HEADER_FIELD = Pattern.compile("# ([a-z][a-z0-9_-]*): (.*)");
  private static final Pattern EVENT = Pattern.compile("(\\d{1,9})\\.(\\d{3}) ([A-Za-z0-9_.-]+) (.*)", Pattern.DOTALL);

  private TranscriptReader() {}

  /** Reads the transcript in {@code file} (UTF-8). */
  public static Transcript read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read transcript " + file, e);
    }
  }

  /** Parses {@code text}; {@code source} names it in error messages (a file name, a resource). */
  public static Transcript parse(String text, String source) {
    return new Parse(source).run(text);
  }

  /** Parses {@code text}, named {@code transcript} in error messages. */
  public static Transcript parse(String text) {
    return parse(text, "transcript");
  }

  /** One parse: the line number and the placeholders bound so far. */
  private static final class Parse {
    private final String source;
    private final Map<String, byte[]> bound = new HashMap<>();
    private int lineNumber;
    private String line = "";

    Parse(String source) {
      this.source = source;
    }

    Transcript run(String text) {
      List<String> lines = List.of(text.split("\n", -1));
      if (lines.isEmpty() || !lines.get(0).equals(TranscriptFormat.MAGIC)) {
        throw new TranscriptFormatException(source, 1, "first line: " + head(lines)
            + " (expected: " + TranscriptFormat.MAGIC + ")");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      int i = 1;
      for (; i < lines.size() && lines.get(i).startsWith("#"); i++) {
        lineNumber = i + 1;
        header(lines.get(i), fields);
      }
      List<TranscriptEvent> events = new ArrayList<>();
      for (; i < lines.size(); i++) {
        lineNumber = i + 1;
        line = lines.get(i);
        if (line.indexOf('\r') >= 0) {
          throw problem("raw CR in the line (expected: LF line ends, a CR in a frame written \\r)");
        }
        if (!line.isEmpty() && !line.startsWith("#")) {
          events.add(event(line));
        }
      }
      return transcript(fields, events);
    }

    private static String head(List<String> lines) {
      return lines.isEmpty() ? "<empty>" : lines.get(0);
    }

    private void header(String line, Map<String, String> fields) {
      Matcher field = HEADER_FIELD.matcher(line);
      if (!field.matches()) {
        throw problem("header line: " + line + " (expected: # key: value)");
      }
      if (fields.put(field.group(1), field.group(2)) != null) {
        throw problem("header field " + field.group(1) + " given twice");
      }
    }

    private Transcript transcript(Map<String, String> fields, List<TranscriptEvent> events) {
      TranscriptHeader header;
      try {
        header = TranscriptHeader.of(fields);
      } catch (IllegalArgumentException e) {
        throw new TranscriptFormatException(source, 0, e.getMessage());
      }
      try {
        return new Transcript(header, events);
      } catch (IllegalArgumentException e) {
        throw new TranscriptFormatException(source, 0, e.getMessage());
      }
    }

    private TranscriptEvent event(String line) {
      this.line = line;
      Matcher event = EVENT.matcher(line);
      if (!event.matches()) {
        throw problem("event line: " + line + " (expected: <seconds>.<millis> <connection> <event>)");
      }
      Duration at = Duration.ofSeconds(Long.parseLong(event.group(1)), Long.parseLong(event.group(2)) * 1_000_000);
      String connection = event.group(3);
      String rest = event.group(4);
      try {
        return event(connection, at, rest);
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }

    private TranscriptEvent event(String connection, Duration at, String rest) {
      if (rest.equals(TranscriptFormat.OPEN)) {
        return new TranscriptEvent.Open(connection, at);
      }
      if (rest.startsWith(TranscriptFormat.CLOSE)) {
        return new TranscriptEvent.Close(connection, at, side(rest.substring(TranscriptFormat.CLOSE.length())));
      }
      if (rest.equals(Side.CLIENT.arrow()) || rest.startsWith(Side.CLIENT.arrow() + " ")) {
        return frame(connection, at, Side.CLIENT, FrameShape.LINE, bodyAfter(rest, Side.CLIENT.arrow()));
      }
      if (rest.equals(TranscriptFormat.RAW) || rest.startsWith(TranscriptFormat.RAW + " ")) {
        return frame(connection, at, Side.SERVER, FrameShape.RAW, bodyAfter(rest, TranscriptFormat.RAW));
      }
      if (rest.startsWith(Side.SERVER.arrow() + " ") && rest.length() > 2) {
        return serverFrame(connection, at, rest.substring(2));
      }
      throw new IllegalArgumentException("event: " + rest
          + " (expected: open, close client, close server, > line, < frame or <~ bytes)");
    }

    private static String bodyAfter(String rest, String arrow) {
      return rest.length() == arrow.length() ? "" : rest.substring(arrow.length() + 1);
    }

    private TranscriptEvent serverFrame(String connection, Duration at, String frame) {
      if (frame.equals(TranscriptFormat.NULL_BULK)) {
        return frame(connection, at, Side.SERVER, FrameShape.NULL_BULK, "");
      }
      return frame(connection, at, Side.SERVER, TranscriptFormat.shapeOf(frame.charAt(0)), frame.substring(1));
    }

    private TranscriptEvent frame(String connection, Duration at, Side sender, FrameShape shape, String body) {
      Template template = Template.of(ByteEscaping.parse(body, bound, line.length() - body.length()));
      return new TranscriptEvent.Frame(connection, at, sender, shape, template);
    }

    private static Side side(String word) {
      for (Side side : Side.values()) {
        if (side.word().equals(word)) {
          return side;
        }
      }
      throw new IllegalArgumentException("close " + word + " (expected: close client or close server)");
    }

    private TranscriptFormatException problem(String message) {
      return new TranscriptFormatException(source, lineNumber, message);
    }
  }
}
