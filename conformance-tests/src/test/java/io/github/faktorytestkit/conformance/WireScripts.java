package io.github.faktorytestkit.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the scripts of {@code wire-scripts.txt}; its header comment describes the format. */
final class WireScripts {
  private static final Pattern RAW_BYTE = Pattern.compile("<x([0-9a-fA-F]{2})>");
  private WireScripts() {}

  /** Returns the scripts in the class-path resource {@code name}, in file order. */
  static List<WireScript> load(String name) {
    try (InputStream in = WireScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("resource: " + name + " (expected: on the test class path)");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the script file format. */
  static List<WireScript> parse(String text) {
    List<WireScript> scripts = new ArrayList<>();
    String name = null;
    List<byte[]> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("== ")) {
        addScript(scripts, name, lines);
        name = line.substring(3);
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
