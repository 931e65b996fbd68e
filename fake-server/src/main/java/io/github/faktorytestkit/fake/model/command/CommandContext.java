package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ModelCore;
import java.util.ArrayList;
import java.util.List;

/**
 * One command line being handled: the model, the session it came on, and the line without its terminator.
 *
 * @param core the model; the caller holds its lock
 * @param session the session the line came on
 * @param line the command line
 */
record CommandContext(ModelCore core, ModelSession session, String line) {

  /**
   * Returns the line from {@code offset} on, as Go's {@code cmd[offset:]} does.
   *
   * @throws HandlerPanic when the line is shorter than {@code offset} (the real server crashes)
   */
  String payloadAfter(int offset) {
    if (line.length() < offset) {
      throw new HandlerPanic("slice bounds out of range: " + line);
    }
    return line.substring(offset);
  }

  /** Returns the words after the verb, split at each single space as Go's {@code strings.Split} does. */
  List<String> arguments() {
    List<String> words = new ArrayList<>();
    int space = line.indexOf(' ');
    if (space < 0) {
      return words;
    }
    for (int next; (next = line.indexOf(' ', space + 1)) >= 0; space = next) {
      words.add(line.substring(space + 1, next));
    }
    words.add(line.substring(space + 1));
    return words;
  }
}
