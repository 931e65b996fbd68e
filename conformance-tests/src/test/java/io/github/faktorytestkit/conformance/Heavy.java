package io.github.faktorytestkit.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Tag;

/**
 * Marks a robustness run that takes a minute rather than a second: the 100,000 hostile sessions, the
 * 100,000-job soak, Faktory's Go load tool against the standalone jar. They carry the JUnit tag {@value #TAG}.
 * {@code scripts/test} (CI) and {@code scripts/conformance} with real targets run them; the quick fake-only loop,
 * {@code scripts/conformance -Dfaktory.targets=fake}, leaves them out ({@code -DexcludedGroups=heavy}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({ElementType.TYPE, ElementType.METHOD})
@Tag(Heavy.TAG)
@interface Heavy {
  /** The JUnit tag of these runs, as {@code -Dgroups} and {@code -DexcludedGroups} name it. */
  String TAG = "heavy";
}
