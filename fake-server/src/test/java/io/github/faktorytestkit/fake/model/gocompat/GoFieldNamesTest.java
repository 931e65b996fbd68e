package io.github.faktorytestkit.fake.model.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.faktorytestkit.fake.model.gocompat.GoType.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's {@code encoding/json} picks a struct field by its exact key first, else by a case-insensitive match. */
class GoFieldNamesTest {
  private static final Field LOWER = GoType.field("jid", GoType.STRING);
  private static final Field UPPER = GoType.field("JID", GoType.STRING);
  private static final Field KIND = GoType.field("kind", GoType.STRING);

  @Test
  void anExactKeyWinsOverAnEarlierFieldItAlsoFoldsTo() {
    GoFieldNames names = GoFieldNames.of(List.of(LOWER, UPPER));
    assertThat(names.find("JID")).isSameAs(UPPER);
    assertThat(names.find("jid")).isSameAs(LOWER);
  }

  @Test
  void aKeyOfAnotherCaseSelectsTheFirstFieldItFoldsTo() {
    GoFieldNames names = GoFieldNames.of(List.of(LOWER, UPPER, KIND));
    assertThat(names.find("Jid")).isSameAs(LOWER);
    assertThat(names.find("\u212Aind")).isSameAs(KIND); // the Kelvin sign folds to k, as in Go
  }

  @Test
  void aKeyMatchingNoFieldSelectsNone() {
    assertThat(GoFieldNames.of(List.of(LOWER, KIND)).find("jids")).isNull();
  }
}
