package io.github.faktorytestkit.fake.standalone;

import io.github.faktorytestkit.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Renders commands and replies for the log and the journal, masking HELLO's {@code pwdhash}. */
final class SecretMask {
  private static final Pattern PWDHASH = Pattern.compile("(\"pwdhash\"\\s*:\\s*)\"[^\"]*\"");

  private SecretMask() {}

  /** Returns {@code line} with every {@code pwdhash} value replaced by {@code "***"}. */
  static String line(String line) {
    return PWDHASH.matcher(line).replaceAll("$1\"***\"");
  }

  /** Returns {@code reply} as sent on the wire, on one line: trailing CRLF dropped, inner ones escaped. */
  static String reply(Reply reply) {
    return new String(reply.toWire(), StandardCharsets.UTF_8).stripTrailing().replace("\r\n", "\\r\\n");
  }
}
