package io.github.faktorytestkit.fake.model.command;

import io.github.faktorytestkit.fake.model.ErrorReplyException;
import io.github.faktorytestkit.fake.model.ErrorTexts;
import io.github.faktorytestkit.fake.model.GoJob;
import io.github.faktorytestkit.fake.model.ModelCore;
import io.github.faktorytestkit.fake.model.Queues;
import io.github.faktorytestkit.fake.session.Outcome;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.gocompat.GoTimeException;
import io.github.faktorytestkit.fake.model.gocompat.GoUtf8;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * QUEUE {@code PAUSE|RESUME|REMOVE names|*} (always {@code +OK}) and {@code QUEUE LATENCY names} (bulk JSON of
 * name to seconds since the oldest job's {@code enqueued_at}). The subcommand is case-insensitive.
 */
final class QueueCommand implements CommandHandler {

  @Override
  public CompletionStage<Outcome> execute(CommandContext context) throws ErrorReplyException {
    List<String> words = context.arguments();
    if (words.isEmpty()) {
      throw new HandlerPanic("QUEUE without a subcommand");
    }
    String subcommand = upperCase(words.get(0));
    List<String> names = words.subList(1, words.size());
    Queues queues = context.core().queues();
    switch (subcommand) {
      case "LATENCY":
        return Outcome.done(Outcome.bulk(latency(context.core(), names)));
      case "PAUSE":
        return apply(queues, names, queues::pause);
      case "RESUME":
        return apply(queues, names, queues::resume);
      case "REMOVE":
        return apply(queues, names, queues::remove);
      default:
        throw new ErrorReplyException(ErrorTexts.noSuchQueueSubcommand(subcommand));
    }
  }

  private static CompletionStage<Outcome> apply(Queues queues, List<String> names, Consumer<String> operation) {
    if (names.isEmpty()) {
      throw new HandlerPanic("QUEUE subcommand without a queue");
    }
    List<String> targets = names.get(0).equals("*") ? queues.knownNames() : names;
    targets.forEach(operation);
    return Outcome.done(Outcome.ok());
  }

  private static String latency(ModelCore core, List<String> names) throws ErrorReplyException {
    if (names.size() == 1 && names.get(0).equals("*")) {
      throw new ErrorReplyException(ErrorTexts.QUEUE_LATENCY_WILDCARD);
    }
    Map<String, String> oldest = new LinkedHashMap<>();
    for (String name : names) {
      try {
        oldest.put(name, core.keyspace().oldest(name));
      } catch (WrongTypeException e) {
        throw new ErrorReplyException(ErrorTexts.queueFailed(e.getMessage()));
      }
    }
    Map<String, Object> seconds = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : oldest.entrySet()) {
      seconds.put(entry.getKey(), entry.getValue() == null ? 0.0 : secondsSinceEnqueued(core, entry.getValue()));
    }
    return GoJsonWriter.write(seconds);
  }

  private static double secondsSinceEnqueued(ModelCore core, String payload) throws ErrorReplyException {
    GoJob job = GoJob.parseOrRefuse(payload, ErrorTexts::queueFailed);
    try {
      return Duration.between(GoTime.parse(job.enqueuedAt()), core.now()).toNanos() / 1e9;
    } catch (GoTimeException e) {
      throw new ErrorReplyException(ErrorTexts.queueFailed(e.getMessage()));
    }
  }

  /** Go's {@code strings.ToUpper}: an invalid byte becomes U+FFFD, as {@code strings.Map} makes it. */
  private static String upperCase(String word) {
    StringBuilder upper = new StringBuilder(word.length());
    GoUtf8.repair(word).codePoints().forEach(cp -> upper.appendCodePoint(Character.toUpperCase(cp)));
    return upper.toString();
  }
}
