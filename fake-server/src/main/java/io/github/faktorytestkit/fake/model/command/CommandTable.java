package io.github.faktorytestkit.fake.model.command;

import java.util.Map;

/** The verbs Faktory 1.9.4 knows (its {@code CommandSet}), each with its handler. Verbs are case-sensitive. */
final class CommandTable {
  private static final Map<String, CommandHandler> COMMANDS = Map.ofEntries(
      Map.entry("END", new EndCommand()),
      Map.entry("PUSH", new PushCommand()),
      Map.entry("PUSHB", new PushBulkCommand()),
      Map.entry("FETCH", new FetchCommand()),
      Map.entry("ACK", new AckCommand()),
      Map.entry("FAIL", new FailCommand()),
      Map.entry("BEAT", new BeatCommand()),
      Map.entry("INFO", new InfoCommand()),
      Map.entry("FLUSH", new FlushCommand()),
      Map.entry("MUTATE", new MutateCommand()),
      Map.entry("BATCH", EnterpriseCommand.BATCH),
      Map.entry("TRACK", EnterpriseCommand.TRACK),
      Map.entry("QUEUE", new QueueCommand()));

  private CommandTable() {}

  /** Returns the handler of {@code verb}, or null when the server does not know it. */
  static CommandHandler forVerb(String verb) {
    return COMMANDS.get(verb);
  }
}
