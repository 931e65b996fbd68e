package io.github.faktorytestkit.conformance;

import io.github.faktorytestkit.conformance.report.Findings;
import io.github.faktorytestkit.transcript.CaptureLog;
import io.github.faktorytestkit.transcript.Transcript;
import io.github.faktorytestkit.transcript.TranscriptHeader;
import io.github.faktorytestkit.transcript.TranscriptNormaliser;
import io.github.faktorytestkit.transcript.TranscriptWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the scripts of {@code wire-scripts.txt}; its header comment describes the format. */
final class WireScripts {
  /** What starts a script in a script file and heads its transcript. */
  static final String TITLE = "== ";
  private static final Path TRANSCRIPTS = Path.of("target", "wire-transcripts");
  private static final String PRODUCER = "conformance-tests wire differential (faktory-testkit)";
  private static final Pattern RAW_BYTE = Pattern.compile("<x([0-9a-fA-F]{2})>");
  private WireScripts() {}

  /** Returns the scripts in the class-path resource {@code name}, in file order. */
  static List<WireScript> load(String name) {
    return parse(resourceText(name));
  }

  /** Returns the text of the UTF-8 class-path resource {@code name}, next to this class. */
  static String resourceText(String name) {
    try (InputStream in = WireScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("resource: " + name + " (expected: on the test class path)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code scripts} in order against {@code url} and returns their transcripts, each headed by a
   * {@code "== name"} line. For inspection, each script's frames also go, normalised, to {@code
   * target/wire-transcripts/<folder>/<script>.txt} in the format of {@code recordings/README.md}, the header
   * naming {@code server} and the script.
   */
  static List<String> transcripts(List<WireScript> scripts, URI url, String server, String folder) {
    List<String> lines = new ArrayList<>();
    for (WireScript script : scripts) {
      lines.add(TITLE + script.name());
      CaptureLog log = new CaptureLog(System::nanoTime);
      Instant recorded = Instant.now();
      lines.addAll(script.transcript(url, log));
      Transcript raw = log.transcript(TranscriptHeader.of(server, script.name(), recorded, PRODUCER));
      TranscriptWriter.write(TranscriptNormaliser.normalise(raw), file(folder, script));
    }
    return lines;
  }

  /** Returns the server of {@code target} as a transcript header names it, e.g. {@code Faktory (local)}. */
  static String server(Target target) {
    return (target.fake().isPresent() ? "FakeFaktory" : "Faktory") + " (" + target.name() + ")";
  }

  /** Returns where {@link #transcripts} writes the transcript of {@code script}. */
  static Path file(String folder, WireScript script) {
    return TRANSCRIPTS.resolve(folder).resolve(TranscriptWriter.fileName(script.name()));
  }

  /** Returns each line that differs, with the title of its script, the oracle's answer first. */
  static List<String> divergences(List<String> expected, List<String> actual) {
    List<String> found = new ArrayList<>();
    String script = "";
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "<missing>";
      String got = i < actual.size() ? actual.get(i) : "<missing>";
      script = want.startsWith(WireScripts.TITLE) ? want : script;
      if (!want.equals(got)) {
        found.add(script + "\n    real: " + want + "\n    fake: " + got);
      }
    }
    return found;
  }

  /**
   * Hands each script whose transcripts differ to the report ({@link Findings}), both transcripts of that script
   * side by side, the oracle's first.
   */
  static void report(String scenario, String target, List<String> expected, List<String> actual) {
    Map<String, List<String>> want = byScript(expected);
    Map<String, List<String>> got = byScript(actual);
    want.forEach((title, lines) -> {
      List<String> other = got.getOrDefault(title, List.of());
      if (!lines.equals(other)) {
        Findings.divergence(scenario, target, "script " + title, lines, other, "");
      }
    });
  }

  private static Map<String, List<String>> byScript(List<String> transcript) {
    Map<String, List<String>> scripts = new LinkedHashMap<>();
    List<String> current = new ArrayList<>();
    for (String line : transcript) {
      if (line.startsWith(TITLE)) {
        current = new ArrayList<>();
        scripts.put(line.substring(TITLE.length()), current);
      } else {
        current.add(line);
      }
    }
    return scripts;
  }

  /** Parses the script file format. */
  static List<WireScript> parse(String text) {
    List<WireScript> scripts = new ArrayList<>();
    String name = null;
    List<byte[]> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(TITLE)) {
        addScript(scripts, name, lines);
        name = line.substring(TITLE.length());
        lines = new ArrayList<>();
      } else if (!line.isBlank() && !line.startsWith("#")) {
        if (name == null) {
          throw new IllegalArgumentException("line: " + line + " (expected: a \"== name\" line first)");
        }
        lines.add(unmark(line));
      }
    }
    addScript(scripts, name, lines);
    return scripts;
  }

  /**
   * Returns the bytes of {@code line} (UTF-8) with the markers replaced: {@code <empty>}, {@code <SP>},
   * {@code <CR>}, {@code <LF>} and {@code <xHH>}, a raw byte.
   */
  static byte[] unmark(String line) {
    if (line.equals("<empty>")) {
      return new byte[0];
    }
    String text = line.replace("<SP>", " ").replace("<CR>", "\r").replace("<LF>", "\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Matcher raw = RAW_BYTE.matcher(text);
    int from = 0;
    while (raw.find()) {
      bytes.writeBytes(text.substring(from, raw.start()).getBytes(StandardCharsets.UTF_8));
      bytes.write(Integer.parseInt(raw.group(1), 16));
      from = raw.end();
    }
    bytes.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private static void addScript(List<WireScript> scripts, String name, List<byte[]> lines) {
    if (name != null) {
      scripts.add(new WireScript(name, lines));
    }
  }
}
