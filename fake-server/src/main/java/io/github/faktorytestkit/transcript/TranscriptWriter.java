package io.github.faktorytestkit.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes a {@link Transcript} in the text form of {@code recordings/README.md}: UTF-8, LF line ends, the header,
 * a blank line, then one event per line. What {@link TranscriptReader} reads back is equal to what was written
 * (time offsets are kept to the millisecond). Stateless and thread-safe.
 */
public final class TranscriptWriter {
  private TranscriptWriter() {}

  /** Returns the text form of {@code transcript}. */
  public static String toText(Transcript transcript) {
    StringBuilder out = new StringBuilder();
    out.append(TranscriptFormat.MAGIC).append('\n');
    transcript.header().fields().forEach((key, value) ->
        out.append("# ").append(key).append(": ").append(value).append('\n'));
    out.append('\n');
    transcript.events().forEach(event -> out.append(line(event)).append('\n'));
    return out.toString();
  }

  /** Writes the text form of {@code transcript} to {@code out}. */
  public static void write(Transcript transcript, Writer out) throws IOException {
    out.write(toText(transcript));
    out.flush();
  }

  /** Writes the text form of {@code transcript} to {@code file}, creating its folder when missing. */
  public static void write(Transcript transcript, Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      Files.writeString(file, toText(transcript), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write transcript " + file, e);
    }
  }

  /**
   * Returns the file name of the transcript of {@code scenario}: its name in lower case, words joined by dashes,
   * at most 80 characters, then {@code .txt}.
   */
  public static String fileName(String scenario) {
    String slug = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return (slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug) + ".txt";
  }

  /** Returns the text line of one event, without its line end. */
  public static String line(TranscriptEvent event) {
    String prefix = offset(event.at()) + " " + event.connection() + " ";
    if (event instanceof TranscriptEvent.Open) {
      return prefix + TranscriptFormat.OPEN;
    }
    if (event instanceof TranscriptEvent.Close close) {
      return prefix + TranscriptFormat.CLOSE + close.side().word();
    }
    return prefix + frame((TranscriptEvent.Frame) event);
  }

  private static String frame(TranscriptEvent.Frame frame) {
    String body = ByteEscaping.escape(frame.body());
    return switch (frame.shape()) {
      case LINE -> arrowed(Side.CLIENT.arrow(), body);
      case RAW -> arrowed(TranscriptFormat.RAW, body);
      case NULL_BULK -> "< " + TranscriptFormat.NULL_BULK;
      case BULK -> "< " + (body.equals("-1") ? TranscriptFormat.MINUS_ONE_BULK : "$" + body);
      default -> "< " + TranscriptFormat.typeMarker(frame.shape()) + body;
    };
  }

  private static String arrowed(String arrow, String body) {
    return body.isEmpty() ? arrow : arrow + " " + body;
  }

  /** Returns {@code at} as seconds with three decimals, e.g. {@code 12.345}. */
  static String offset(Duration at) {
    long millis = at.toMillis();
    return millis / 1000 + "." + String.format("%03d", millis % 1000);
  }
}
