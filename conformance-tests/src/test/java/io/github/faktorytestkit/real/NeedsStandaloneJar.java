package io.github.faktorytestkit.real;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that runs the fake's standalone jar ({@link StandaloneFakeProcess}), which {@code mvn package} in
 * fake-server builds. They carry the JUnit tag {@value #TAG}. {@code scripts/test} (CI) and {@code scripts/conformance}
 * with real targets build the jar and run them; the quick fake-only loop, {@code scripts/conformance
 * -Dfaktory.targets=fake}, stops at {@code test-compile} and leaves them out ({@code -DexcludedGroups}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({ElementType.TYPE, ElementType.METHOD})
@Tag(NeedsStandaloneJar.TAG)
public @interface NeedsStandaloneJar {
  /** The JUnit tag of these tests, as {@code -Dgroups} and {@code -DexcludedGroups} name it. */
  String TAG = "standalone-jar";
}
