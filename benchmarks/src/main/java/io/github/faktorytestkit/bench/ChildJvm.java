package io.github.faktorytestkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a probe's main in a fresh JVM on this harness's class path and reads the {@code name value} lines it prints. */
final class ChildJvm {
  private ChildJvm() {}

  static Map<String, Double> run(Class<?> main, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Spawned.javaBinary(), "-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, Double> values = new HashMap<>();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) {
          try {
            values.put(parts[0], Double.parseDouble(parts[1]));
          } catch (NumberFormatException e) {
            // not a figure
          }
        }
      }
    }
    if (process.waitFor() != 0) {
      throw new IOException(main.getSimpleName() + " exited with " + process.exitValue() + ": " + lines);
    }
    return values;
  }
}
