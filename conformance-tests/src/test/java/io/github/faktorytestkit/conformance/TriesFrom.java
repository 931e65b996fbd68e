package io.github.faktorytestkit.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Lets a system property override a property method's {@code tries} (read by {@link TargetPropertyHook}), e.g.
 * {@code -Dfaktory.differential.sequences=20000} for the deep run.
 */
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.METHOD)
@interface TriesFrom {
  /** Returns the system property's name. */
  String value();
}
