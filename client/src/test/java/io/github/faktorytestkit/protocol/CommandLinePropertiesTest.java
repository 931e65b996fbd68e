package io.github.faktorytestkit.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CommandLinePropertiesTest {

  @Property
  void writtenLineParsesBackToTheSameLine(@ForAll Verb verb, @ForAll("arguments") String argument) {
    CommandLine line = new CommandLine(verb, argument);
    String wire = new String(line.toWire(), UTF_8);
    assertThat(wire).endsWith("\r\n").hasLineCount(1);
    assertThat(CommandLine.parse(wire)).isEqualTo(line);
  }

  @Provide
  Arbitrary<String> arguments() {
    return ReplyArbitraries.lineText().injectNull(0.2);
  }
}
