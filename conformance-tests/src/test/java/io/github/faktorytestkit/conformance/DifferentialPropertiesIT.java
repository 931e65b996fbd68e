package io.github.faktorytestkit.conformance;

import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.PropagationMode;

/** {@link DifferentialProperties} on every real target, each compared with a fake of its own. */
@AddLifecycleHook(value = TargetPropertyHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class DifferentialPropertiesIT {
  @AfterContainer
  static void stopServers() {
    PropertyTargets.closeAll(DifferentialPropertiesIT.class);
  }

  @Group
  @Label("local")
  class Local extends DifferentialProperties {}

  @Group
  @Label("container")
  class Container extends DifferentialProperties {}

  @Group
  @Label("url")
  class Url extends DifferentialProperties {}
}
