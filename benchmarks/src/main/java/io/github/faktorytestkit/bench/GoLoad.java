package io.github.faktorytestkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Faktory's Go {@code load} tool: pushes, fetches and acknowledges {@code jobs} jobs over {@code threads} clients. */
final class GoLoad {
  private static final Pattern RATE = Pattern.compile("rate: ([0-9.]+) jobs/s");

  private GoLoad() {}

  /** Runs {@code load jobs threads} against {@code url} and returns the jobs per second it reports. */
  static double run(Path load, String url, int jobs, int threads) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(load.toString(), String.valueOf(jobs), String.valueOf(threads))
        .redirectErrorStream(true);
    builder.environment().put("FAKTORY_URL", url);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Matcher rate = RATE.matcher(output);
    if (!rate.find()) {
      throw new IOException("load printed no rate: " + output);
    }
    return Double.parseDouble(rate.group(1));
  }
}
