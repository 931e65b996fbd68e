package io.github.faktorytestkit.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripts of a {@code wire-scripts.txt}-format resource as named lists of raw lines, for the recordings
 * (package {@code recording}), which send them through the recording proxy; markers as {@link WireScripts#unmark}.
 */
public final class ScriptLines {
  private ScriptLines() {}

  /** Returns the scripts of the class-path resource {@code name}: script name to its lines, in file order. */
  public static Map<String, List<byte[]>> load(String name) {
    Map<String, List<byte[]>> scripts = new LinkedHashMap<>();
    List<byte[]> lines = null;
    for (String line : WireScripts.resourceText(name).split("\n", -1)) {
      if (line.startsWith(WireScripts.TITLE)) {
        lines = new ArrayList<>();
        scripts.put(line.substring(WireScripts.TITLE.length()), lines);
      } else if (lines != null && !line.isBlank() && !line.startsWith("#")) {
        lines.add(WireScripts.unmark(line));
      }
    }
    return scripts;
  }
}
