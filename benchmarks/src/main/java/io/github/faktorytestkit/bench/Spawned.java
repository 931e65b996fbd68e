package io.github.faktorytestkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process this harness started: real Faktory (with the Redis it spawns), the fake's jar, or
 * redis-server. {@link #close()} stops it and its children.
 *
 * @param process the process
 * @param port its command port
 * @param readyMillis from just before the spawn to the first line a client read from it
 * @param scratch a directory to delete on close, or null
 */
public record Spawned(Process process, int port, double readyMillis, Path scratch) implements AutoCloseable {
  /** USER_HZ, the unit of {@code /proc/PID/stat}'s times, on every Linux this harness runs on. */
  private static final double CLOCK_TICKS_PER_SECOND = 100;
  /** The index of utime among the fields after the command name's closing parenthesis (stime follows it). */
  private static final int UTIME_FIELD = 11;

  /** Starts real Faktory on free ports with a fresh storage directory; returns once a client read {@code +HI}. */
  public static Spawned faktory(Path binary) throws Exception {
    Path dir = Files.createTempDirectory("fb");
    int port = Wire.freePort();
    return await(List.of(binary.toString(), "-e", "development", "-b", "127.0.0.1:" + port,
        "-w", "127.0.0.1:" + Wire.freePort(), "-d", dir.resolve("db").toString(), "-c", dir.toString()), port, true, dir);
  }

  /** Starts the fake's standalone jar with the same flags real Faktory gets; returns once it greeted a client. */
  public static Spawned fakeJar(Path jar, List<String> jvmOptions) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    return fake(command);
  }

  /**
   * Starts the fake through the {@code faktory} launcher the build writes beside the jar (its JVM flags and class-data
   * archive), with this harness's {@code java} and the same flags real Faktory gets; returns once it greeted a client.
   */
  public static Spawned fakeLauncher(Path jar) throws Exception {
    return fake(List.of(launcher(jar).toString()));
  }

  /** Starts {@code main} (a probe on this harness's class path) as a process given the fake's flags. */
  public static Spawned probe(Class<?> main) throws Exception {
    return probe(main, List.of(), List.of());
  }

  /**
   * Starts {@code main} as {@link #probe(Class)} does, with {@code jvmOptions} and with {@code classPathFirst} ahead of
   * this harness's class path (the fake's jar, say, so that its Netty, native epoll library included, is the one run).
   */
  public static Spawned probe(Class<?> main, List<String> jvmOptions, List<Path> classPathFirst) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    StringBuilder classPath = new StringBuilder();
    classPathFirst.forEach(entry -> classPath.append(entry).append(java.io.File.pathSeparator));
    command.addAll(List.of("-cp", classPath + System.getProperty("java.class.path"), main.getName()));
    return fake(command);
  }

  /** Whether the build wrote the {@code faktory} launcher script beside the fake's jar. */
  public static boolean hasLauncher(Path jar) {
    return Files.isExecutable(launcher(jar));
  }

  private static Path launcher(Path jar) {
    return jar.resolveSibling("faktory");
  }

  private static Spawned fake(List<String> start) throws Exception {
    int port = Wire.freePort();
    List<String> command = new java.util.ArrayList<>(start);
    command.addAll(List.of("-b", "127.0.0.1:" + port, "-w", "127.0.0.1:" + Wire.freePort()));
    return await(command, port, true, null);
  }

  /** Starts redis-server without persistence on a free port; returns once it answers {@code PING}. */
  public static Spawned redis() throws Exception {
    int port = Wire.freePort();
    return await(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no"), port, false, null);
  }

  /** Returns the running JVM's {@code java}, used for every JVM the harness starts. */
  public static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Spawned await(List<String> command, int port, boolean greets, Path scratch) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.remove("FAKTORY_PASSWORD");
    env.put("JAVA", javaBinary());
    long start = System.nanoTime();
    Process process = builder.start();
    try (Wire wire = Wire.connectWhenListening(port)) {
      if (greets) {
        wire.expect("+HI");
      } else {
        wire.call("PING\r\n".getBytes(), "+PONG");
      }
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    return new Spawned(process, port, (System.nanoTime() - start) / 1e6, scratch);
  }

  /** Returns the resident set of the process and its descendants (Faktory's Redis), in MB. */
  public double rssMegabytes() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToLong(Spawned::rssKilobytes).sum() / 1024.0;
  }

  /**
   * Returns the CPU time (user + system, {@code /proc/PID/stat}) the process and its live descendants (Faktory's
   * Redis) used so far, in seconds: what load elsewhere on the machine inflates less than wall-clock rates.
   */
  public double cpuSeconds() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToLong(Spawned::cpuTicks).sum() / CLOCK_TICKS_PER_SECOND;
  }

  private static long cpuTicks(ProcessHandle handle) {
    try {
      String stat = Files.readString(Path.of("/proc/" + handle.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[UTIME_FIELD]) + Long.parseLong(fields[UTIME_FIELD + 1]);
    } catch (IOException e) {
      return 0; // gone meanwhile
    }
  }

  private static long rssKilobytes(ProcessHandle handle) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + handle.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // gone meanwhile
    }
    return 0;
  }

  /** Returns {@code tcp://127.0.0.1:PORT}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and every descendant left behind. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    children.forEach(ProcessHandle::destroy);
    if (scratch != null) {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary directory is harmless
      }
    }
  }
}
