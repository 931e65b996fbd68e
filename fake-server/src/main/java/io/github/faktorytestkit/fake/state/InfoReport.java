package io.github.faktorytestkit.fake.state;

import io.github.faktorytestkit.fake.state.gocompat.GoJsonWriter;
import io.github.faktorytestkit.fake.state.gocompat.GoTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The INFO document, shaped as Go marshals {@code client.FaktoryState}: {@code now}, {@code server_utc_time},
 * {@code faktory} (queues, sets, tasks, totals) and {@code server}. Task cycle counts are derived from the uptime
 * (one per 5 s, or 60 s for Dead, as the real task runner ticks) and wall times are 0.
 */
final class InfoReport {
  private InfoReport() {}

  /**
   * Returns INFO's JSON.
   *
   * @throws CommandException with WRONGTYPE when a queue shares its name with another Redis key, as on the server
   */
  static String build(ModelCore core) throws CommandException {
    Instant now = core.now();
    Pipeline pipeline = new Pipeline();
    Map<String, Object> queues = new LinkedHashMap<>();
    for (String name : core.queues.known) {
      queues.put(name, pipeline.run(() -> core.redis.llen(name)));
    }
    Map<String, Object> sets = new LinkedHashMap<>();
    for (String set : new String[] {"scheduled", "retries", "dead", "working"}) {
      sets.put(set, pipeline.run(() -> core.redis.zcard(set)));
    }
    long failures = pipeline.run(() -> core.redis.counter("failures"));
    long processed = pipeline.run(() -> core.redis.counter("processed"));
    pipeline.throwFirstError();
    long enqueued = queues.values().stream().mapToLong(size -> (Long) size).sum();
    GoJsonWriter w = new GoJsonWriter().beginObject().field("now", GoTime.format(now))
        .field("server_utc_time", GoTime.formatClock(now)).key("faktory").beginObject()
        .field("queues", queues).field("sets", sets).field("tasks", tasks(core, now))
        .field("total_failures", failures).field("total_processed", processed).field("total_enqueued", enqueued)
        .field("total_queues", (long) queues.size()).endObject();
    w.key("server").beginObject().field("description", "Faktory").field("faktory_version", core.settings.version())
        .field("uptime", Duration.between(core.stats.startedAt, now).getSeconds())
        .field("connections", core.stats.connections).field("command_count", core.stats.commands)
        .field("used_memory_mb", core.settings.memoryGauge().getAsLong()).endObject();
    return w.endObject().toString();
  }

  private static Map<String, Object> tasks(ModelCore core, Instant now) {
    Map<String, Object> tasks = new LinkedHashMap<>();
    tasks.put("Busy", Map.of("reaped", core.reservations.reaped, "size", (long) core.reservations.byJid.size()));
    tasks.put("Workers", Map.of("reaped", core.workers.reaped, "size", (long) core.workers.byWid.size()));
    tasks.put("Scheduled", scanner(core, now, 5, core.timedSets.scheduledEnqueued, core.redis.scheduled));
    tasks.put("Retries", scanner(core, now, 5, core.timedSets.retriesEnqueued, core.redis.retries));
    tasks.put("Dead", scanner(core, now, 60, core.timedSets.deadPurged, core.redis.dead));
    return tasks;
  }

  private static Map<String, Object> scanner(ModelCore core, Instant now, long every, long jobs, SortedJobSet set) {
    long startSecond = core.stats.startedAt.getEpochSecond();
    long cycles = Math.floorDiv(now.getEpochSecond(), every) - Math.floorDiv(startSecond - 1, every);
    return Map.of("cycles", Math.max(0, cycles), "enqueued", jobs, "size", (long) set.size(), "wall_time_sec", 0.0);
  }

  /** Runs every Redis read like a Redis pipeline does, remembering the first error instead of stopping. */
  private static final class Pipeline {
    private CommandException firstError;

    long run(RedisRead read) {
      try {
        return read.get();
      } catch (CommandException e) {
        firstError = firstError == null ? e : firstError;
        return 0;
      }
    }

    void throwFirstError() throws CommandException {
      if (firstError != null) {
        throw firstError;
      }
    }
  }

  /** One Redis read. */
  private interface RedisRead {
    long get() throws CommandException;
  }
}
