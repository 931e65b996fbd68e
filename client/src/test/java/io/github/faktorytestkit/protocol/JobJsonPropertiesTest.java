package io.github.faktorytestkit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class JobJsonPropertiesTest {

  @Property
  void quotedTextIsTheStringValueJacksonWrites(@ForAll String text) {
    assertThat(JobJson.quote(text)).isEqualTo(JobJson.write(text));
  }

  @Property
  void quotedTextInAnObjectIsTheObjectJacksonWrites(@ForAll String jid) {
    assertThat("{\"jid\":" + JobJson.quote(jid) + "}").isEqualTo(JobJson.write(Map.of("jid", jid)));
  }

  @Example
  void controlCharactersQuotesAndBackslashesAreEscaped() {
    assertThat(JobJson.quote("a\"b\\c\n\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é\"");
  }
}
