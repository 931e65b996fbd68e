package io.github.faktorytestkit.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripts of a {@code wire-scripts.txt}-format resource as named lists of the exact bytes each line puts on the
 * wire, for the recordings (package {@code recording}), which send them through the recording proxy: markers as
 * {@link WireScripts#unmark}, terminator as {@link RawConnection#terminated}.
 */
public final class ScriptLines {
  private ScriptLines() {}

  /** Returns the scripts of the class-path resource {@code name}: script name to its wire lines, in file order. */
  public static Map<String, List<byte[]>> load(String name) {
    Map<String, List<byte[]>> scripts = new LinkedHashMap<>();
    List<byte[]> lines = null;
    for (String line : WireScripts.resourceText(name).split("\n", -1)) {
      if (line.startsWith(WireScripts.TITLE)) {
        lines = new ArrayList<>();
        scripts.put(line.substring(WireScripts.TITLE.length()), lines);
      } else if (lines != null && !line.isBlank() && !line.startsWith("#")) {
        lines.add(RawConnection.terminated(WireScripts.unmark(line)));
      }
    }
    return scripts;
  }

  /** Returns whether the terminated line {@code wire} would crash Faktory 1.9.4 (and every release before it). */
  public static boolean crashesFaktory194(byte[] wire) {
    return RawConnection.crashesFaktory194(wire);
  }
}
