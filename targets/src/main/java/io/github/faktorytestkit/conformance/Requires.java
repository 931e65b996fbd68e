package io.github.faktorytestkit.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks an {@link AcrossTargets} scenario, a whole class, or a jqwik property class run on targets, that needs
 * features some Faktory releases lack: on a real target of an older release it is skipped as "not in this version"
 * ({@link FaktoryFeature#notIn}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
  /** Returns the features the scenario needs. */
  FaktoryFeature[] value();
}
