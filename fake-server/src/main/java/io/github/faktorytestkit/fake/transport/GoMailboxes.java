package io.github.faktorytestkit.fake.transport;

/**
 * E-mail name constraints with an {@code @} read as Go's {@code parseRFC2821Mailbox} reads them: a local part, either
 * quoted (quoted pairs and Go's quoted text, space included) or of Go's atom characters (a backslash escaping the
 * next one) not starting or ending with a dot nor holding two in a row; then {@code @} and a domain of non-empty
 * labels of printable ASCII (which may be empty: Go's {@code domainToReverseLabels} takes what
 * {@code domainNameValid} takes).
 */
final class GoMailboxes {
  private static final String ATOM_SYMBOLS = "!#$%&'*+-/=?^_`{|}~.";

  private GoMailboxes() {}

  /** Whether {@code in} is a mailbox Go reads. */
  static boolean valid(String in) {
    if (in.isEmpty()) {
      return false;
    }
    int at = in.charAt(0) == '"' ? quotedEnd(in) : atomEnd(in);
    return at >= 0 && at < in.length() && in.charAt(at) == '@'
        && GoGeneralNames.domainNameValid(in.substring(at + 1), false);
  }

  /** Where the quoted local part ends (after its closing quote), -1 when it is not one. */
  private static int quotedEnd(String in) {
    int i = 1;
    while (i < in.length()) {
      char c = in.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        if (i == in.length() || !quotedPair(in.charAt(i))) {
          return -1;
        }
        i++;
      } else if (!quotedText(c)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean quotedPair(char c) {
    return c == 11 || c == 12 || c >= 1 && c <= 9 || c >= 14 && c <= 127;
  }

  private static boolean quotedText(char c) {
    return c == 11 || c == 12 || c == 32 || c == 33 || c == 127 || c >= 1 && c <= 8 || c >= 14 && c <= 31
        || c >= 35 && c <= 91 || c >= 93 && c <= 126;
  }

  /** Where the atom local part ends, -1 when it is not one. */
  private static int atomEnd(String in) {
    StringBuilder local = new StringBuilder();
    int i = 0;
    while (i < in.length()) {
      char c = in.charAt(i);
      if (c == '\\') {
        i++;
        if (i == in.length()) {
          return -1;
        }
      } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || ATOM_SYMBOLS.indexOf(c) >= 0)) {
        break;
      }
      local.append(in.charAt(i++));
    }
    String part = local.toString();
    return part.isEmpty() || part.startsWith(".") || part.endsWith(".") || part.contains("..") ? -1 : i;
  }
}
