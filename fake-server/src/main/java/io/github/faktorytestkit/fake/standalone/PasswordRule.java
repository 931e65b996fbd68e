package io.github.faktorytestkit.fake.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Real Faktory's rule for the server password, minus configuration files: {@code FAKTORY_PASSWORD} sets it, a value
 * starting with {@code /} names a file holding it (Docker secrets), and staging and production refuse to start
 * without one unless {@code FAKTORY_SKIP_PASSWORD} is {@code 1}, {@code true} or {@code yes}; there, a missing
 * password falls back to the file {@code /etc/faktory/password} when it exists.
 */
final class PasswordRule {
  /** Real Faktory's message when staging or production has no password. */
  static final String REQUIRED =
      "faktory requires a password to be set in staging or production, see the Security wiki page";

  private static final String CREATE_FAILED = "Unable to create Faktory server: ";
  private static final Set<String> SKIP_VALUES = Set.of("1", "true", "yes");

  private PasswordRule() {}

  /**
   * Returns the password (empty for none) for {@code environment}.
   *
   * @param env the process environment
   * @param fallbackFile the file read in staging and production when no password is given
   * @throws StartupException when a password file cannot be read or a required password is missing
   */
  static String resolve(String environment, Map<String, String> env, Path fallbackFile) throws StartupException {
    boolean skip = SKIP_VALUES.contains(env.getOrDefault("FAKTORY_SKIP_PASSWORD", ""));
    boolean required = !environment.equals("development") && !skip;
    String password = env.getOrDefault("FAKTORY_PASSWORD", "");
    if (required && password.isEmpty() && Files.exists(fallbackFile)) {
      password = fallbackFile.toString();
    }
    if (password.startsWith("/")) {
      password = read(Path.of(password));
    }
    if (required && password.isEmpty()) {
      throw StartupException.boot(CREATE_FAILED + REQUIRED);
    }
    return password;
  }

  private static String read(Path file) throws StartupException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw StartupException.boot(CREATE_FAILED + "open " + file + ": " + e);
    }
  }
}
