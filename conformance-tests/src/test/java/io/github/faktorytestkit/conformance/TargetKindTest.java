package io.github.faktorytestkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TargetKindTest {

  @Test
  void displayNamesAreTheLowerCaseKindNames() {
    assertThat(TargetKind.FAKE.displayName()).isEqualTo("fake");
    assertThat(TargetKind.CONTAINER.displayName()).isEqualTo("container");
  }

  @Test
  void unsetOrBlankListAllowsEveryKind() {
    assertThat(TargetKind.parse(null)).isEqualTo(EnumSet.allOf(TargetKind.class));
    assertThat(TargetKind.parse(" ")).isEqualTo(EnumSet.allOf(TargetKind.class));
  }

  @Test
  void listAllowsTheNamedKinds() {
    assertThat(TargetKind.parse("fake, local")).containsExactly(TargetKind.FAKE, TargetKind.LOCAL);
  }

  @Test
  void unknownNameIsRejectedWithTheChoices() {
    assertThatThrownBy(() -> TargetKind.parse("fake,docker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("faktory.targets: docker (expected: fake, local, container or url)");
  }
}
