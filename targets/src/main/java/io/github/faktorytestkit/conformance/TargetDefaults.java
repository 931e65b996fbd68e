package io.github.faktorytestkit.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Sets, for the {@link AcrossTargets} methods of a test class, which kinds run by default and the options of the
 * servers started for the class. Without it: {@link #kinds()}'s default and no password.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.TYPE)
public @interface TargetDefaults {
  /**
   * Returns the kinds a method runs against unless its {@link AcrossTargets} names others: by default every kind,
   * the fake, a local process, a container and a configured URL.
   */
  TargetKind[] kinds() default {TargetKind.FAKE, TargetKind.LOCAL, TargetKind.CONTAINER, TargetKind.URL};

  /** Returns the password the class's servers require; empty (the default) for none. */
  String password() default "";
}
