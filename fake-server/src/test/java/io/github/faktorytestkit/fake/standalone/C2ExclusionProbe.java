package io.github.faktorytestkit.fake.standalone;

import java.nio.file.Path;

/**
 * Run by {@link StandaloneJarIT} in a JVM of its own (the jar's classes and this one): takes C2 out as the jar's
 * main does, then prints what the JVM's attach listener reports of its compiler directives, then trims the C heap
 * through the same listener as {@link NativeHeapTrim} does and prints whether the JVM lists that command.
 */
public final class C2ExclusionProbe {
  private C2ExclusionProbe() {}

  /**
   * Prints whether the exclusion applies, what adding the directive answered, the directives now in force, whether
   * the trim went through and whether the JVM lists the trim command.
   */
  public static void main(String[] args) throws Exception {
    System.out.println("applies " + C2Exclusion.applies());
    System.out.println(C2Exclusion.exclude().strip());
    Path socket = Path.of("/tmp/.java_pid" + ProcessHandle.current().pid());
    System.out.println(AttachListener.command(socket, "Compiler.directives_print"));
    System.out.println("trimmed " + NativeHeapTrim.trimThroughAttach());
    System.out.println("listed " + AttachListener.command(socket, "help").contains(NativeHeapTrim.COMMAND));
  }
}
