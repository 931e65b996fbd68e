package io.github.faktorytestkit.real;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The processes of one running LocalFaktory, found through /proc: faktory itself, its Redis and its home. */
record ServerProcesses(ProcessHandle faktory, List<ProcessHandle> redisServers, Path home) {

  /** Finds the faktory process listening on 127.0.0.1:{@code port}. */
  static ServerProcesses of(int port) {
    String binding = "127.0.0.1:" + port;
    ProcessHandle faktory = ProcessHandle.allProcesses()
        .filter(process -> arguments(process).contains(binding))
        .findFirst()
        .orElseThrow(() -> new AssertionError("faktory process: none binds " + binding));
    List<String> arguments = arguments(faktory);
    Path storage = Path.of(arguments.get(arguments.indexOf("-d") + 1));
    return new ServerProcesses(faktory, faktory.children().toList(), storage.getParent());
  }

  /** Returns the live processes whose command line mentions {@code path}, e.g. a Redis serving a socket there. */
  static List<ProcessHandle> mentioning(Path path) {
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().commandLine().orElse("").contains(path.toString()))
        .toList();
  }

  private static List<String> arguments(ProcessHandle process) {
    return Arrays.asList(process.info().arguments().orElse(new String[0]));
  }
}
