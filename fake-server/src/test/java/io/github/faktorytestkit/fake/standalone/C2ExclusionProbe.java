package io.github.faktorytestkit.fake.standalone;

import java.nio.file.Path;

/**
 * Run by {@link StandaloneJarIT} in a JVM of its own (the jar's classes and this one): takes C2 out as the jar's
 * main does, then prints what the JVM's attach listener reports of its compiler directives.
 */
public final class C2ExclusionProbe {
  private C2ExclusionProbe() {}

  /** Prints whether the exclusion applies, what adding the directive answered, and the directives now in force. */
  public static void main(String[] args) throws Exception {
    System.out.println("applies " + C2Exclusion.applies());
    System.out.println(C2Exclusion.exclude().strip());
    Path socket = Path.of("/tmp/.java_pid" + ProcessHandle.current().pid());
    System.out.println(C2Exclusion.command(socket, "Compiler.directives_print"));
  }
}
