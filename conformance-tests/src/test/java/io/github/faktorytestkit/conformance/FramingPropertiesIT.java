package io.github.faktorytestkit.conformance;

import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.PropagationMode;

/** {@link FramingProperties} on every target: the fake against a real server, each real one against a fake. */
@AddLifecycleHook(value = TargetPropertyHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class FramingPropertiesIT {
  @AfterContainer
  static void stopServers() {
    PropertyTargets.closeAll(FramingPropertiesIT.class);
  }

  @Group
  @Label("fake")
  class Fake extends FramingProperties {}

  @Group
  @Label("local")
  class Local extends FramingProperties {}

  @Group
  @Label("container")
  class Container extends FramingProperties {}

  @Group
  @Label("url")
  class Url extends FramingProperties {}
}
