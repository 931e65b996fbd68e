package io.github.faktorytestkit.fake.model.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.model.FaktoryStructs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys a type expects come back from the parser as the type's own strings, and only when spelled plainly. */
class GoJsonKeysTest {
  private static final GoType INNER = GoType.struct("test.Inner", GoType.field("deep", GoType.STRING));
  private static final GoType OUTER = GoType.struct("test.Outer", GoType.field("jid", GoType.STRING),
      GoType.field("inner", GoType.sliceOf(GoType.pointerTo(INNER))));

  @Test
  void aKeyOfTheTypeOrOfAStructInsideItIsTheTypesOwnString() throws GoJsonException {
    GoJson.JsonObject outer = (GoJson.JsonObject) GoJson.parse("{\"jid\":\"a\",\"inner\":[{\"deep\":1}]}", OUTER.keys());
    GoJson.JsonObject inner = (GoJson.JsonObject) ((List<?>) outer.members().get(1).value()).get(0);

    assertThat(outer.members().get(0).key()).isSameAs(OUTER.fieldFor("jid").key());
    assertThat(inner.members().get(0).key()).isSameAs(INNER.fieldFor("deep").key());
  }

  @Test
  void aKeyWithAnEscapeOrOfAnotherCaseOrUnknownIsReadAsItIsSpelled() throws GoJsonException {
    GoJson.JsonObject object = (GoJson.JsonObject) GoJson.parse("{\"\\u006aid\":1,\"JID\":2,\"jidx\":3,\"ji\":4}",
        FaktoryStructs.JOB.keys());

    assertThat(object.members()).extracting(GoJson.Member::key).containsExactly("jid", "JID", "jidx", "ji");
    assertThat(object.members().get(0).key()).isNotSameAs(FaktoryStructs.JOB.fieldFor("jid").key());
  }

  @Test
  void aTypeWithoutStructsExpectsNoKeys() {
    assertThat(GoType.ANY_MAP.keys()).isSameAs(GoJsonKeys.NONE);
    assertThat(GoType.STRING.keys()).isSameAs(GoJsonKeys.NONE);
  }
}
