package io.github.faktorytestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link io.github.faktorytestkit.fake.FakeFaktory} for the annotated test class, as
 * {@code @ExtendWith(FakeFaktoryExtension.class)} does: one server for the class, reset before each test, closed
 * after all; the tests take it (or its {@code URI}, or a connected {@code FaktoryClient}) as a parameter.
 *
 * <pre>{@code
 * @FakeFaktoryTest
 * class SignupTest {
 *   @Test
 *   void enqueuesAWelcomeMail(FakeFaktory server, URI url) {
 *     new SignupService(url).signUp("ann@example.com");
 *     assertThat(server.takeCommand("PUSH").line()).contains("SendWelcome");
 *   }
 * }
 * }</pre>
 *
 * <p>For other settings, or to reach the extension from the test, register it on a static field instead
 * ({@link FakeFaktoryExtension#create(io.github.faktorytestkit.fake.FakeFaktory.Builder)}). The real-server switch
 * of {@link FakeFaktoryExtension} applies here too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeFaktoryExtension.class)
public @interface FakeFaktoryTest {

  /** The password clients must prove; empty (the default) for none. */
  String password() default "";
}
