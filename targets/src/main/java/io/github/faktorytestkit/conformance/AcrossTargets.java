package io.github.faktorytestkit.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method that runs once per target, the run's display name being the target's name ({@code fake},
 * {@code local}, {@code container}, {@code url}). The method (and the class's {@code @BeforeEach} and
 * {@code @AfterEach} methods) may take a {@link Target} and {@link io.github.faktorytestkit.client.FaktoryClient}
 * parameters: each client is a new producer connection, closed after the test.
 *
 * <p>Each target's server is started once per test class (options from {@link TargetDefaults}) and flushed before
 * every test. FLUSH on real Faktory keeps known queue names, paused queues and reservations, so tests use queue
 * names of their own. A real target that cannot run here skips loudly, or fails under
 * {@code -Dfaktory.real.required=true}; the url target runs only when {@code -Dfaktory.testkit.url} or
 * {@code FAKTORY_TESTKIT_URL} names a server. {@code -Dfaktory.targets=fake,local} limits the kinds run.
 *
 * <pre>{@code
 * @AcrossTargets   // fake, local, container, and url when one is configured
 * void pushedJobIsFetched(Target target, FaktoryClient client) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(AcrossTargetsExtension.class)
public @interface AcrossTargets {
  /** Returns the kinds to run against; empty (the default) means the class's {@link TargetDefaults#kinds()}. */
  TargetKind[] value() default {};
}
