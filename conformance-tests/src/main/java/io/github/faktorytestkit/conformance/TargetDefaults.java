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
   * Returns the kinds a method runs against unless its {@link AcrossTargets} names others: by default the fake, a
   * local process and a configured URL. Containers cost more, so they run only where named.
   */
  TargetKind[] kinds() default {TargetKind.FAKE, TargetKind.LOCAL, TargetKind.URL};

  /** Returns the password the class's servers require; empty (the default) for none. */
  String password() default "";
}
