package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The trim reaches the JVM's {@code System.trim_native_heap} wherever the JVM lists that command. */
class NativeHeapTrimTest {

  @Test
  void trimsExactlyWhenTheJvmHasTheCommand() throws Exception {
    String help = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName(NativeHeapTrim.COMMANDS), "help", new Object[] {new String[0]},
        new String[] {String[].class.getName()});
    assertThat(NativeHeapTrim.trimOnce()).isEqualTo(help.contains("System.trim_native_heap"));
  }
}
