package io.github.faktorytestkit.fake.model;

import io.github.faktorytestkit.fake.model.gocompat.GoJsonWriter;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.redis.JobSet;
import io.github.faktorytestkit.fake.model.redis.WrongTypeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The INFO document, shaped as Go marshals {@code client.FaktoryState}: {@code now}, {@code server_utc_time},
 * {@code faktory} (queues, sets, tasks, totals) and {@code server}. Task cycle counts are derived from the uptime
 * (one per 5 s, or 60 s for Dead, as the real task runner ticks) and wall times are 0.
 */
public final class InfoReport {
  private InfoReport() {}

  /**
   * Returns INFO's JSON.
   *
   * @throws ErrorReplyException with WRONGTYPE when a queue shares its name with another Redis key, as on the server
   */
  public static String build(ModelCore core) throws ErrorReplyException {
    Instant now = core.now();
    Pipeline pipeline = new Pipeline();
    Map<String, Object> queues = new LinkedHashMap<>();
    for (String name : core.queues().knownNames()) {
      queues.put(name, pipeline.run(() -> core.keyspace().llen(name)));
    }
    Map<String, Object> sets = new LinkedHashMap<>();
    for (JobSet set : JobSet.values()) {
      sets.put(set.key(), pipeline.run(() -> core.keyspace().zcard(set.key())));
    }
    sets.put("working", pipeline.run(() -> core.keyspace().zcard("working")));
    long failures = pipeline.run(() -> core.keyspace().counter("failures"));
    long processed = pipeline.run(() -> core.keyspace().counter("processed"));
    pipeline.throwFirstError();
    long enqueued = queues.values().stream().mapToLong(size -> (Long) size).sum();
    GoJsonWriter w = new GoJsonWriter().beginObject().field("now", GoTime.format(now))
        .field("server_utc_time", GoTime.formatClock(now)).key("faktory").beginObject()
        .field("queues", queues).field("sets", sets).field("tasks", tasks(core, now))
        .field("total_failures", failures).field("total_processed", processed).field("total_enqueued", enqueued)
        .field("total_queues", (long) queues.size()).endObject();
    w.key("server").beginObject().field("description", "Faktory").field("faktory_version", core.settings().version())
        .field("uptime", Duration.between(core.stats().startedAt(), now).getSeconds())
        .field("connections", core.stats().connections()).field("command_count", core.stats().commands())
        .field("used_memory_mb", core.settings().memoryGauge().getAsLong()).endObject();
    return w.endObject().toString();
  }

  private static Map<String, Object> tasks(ModelCore core, Instant now) {
    Map<String, Object> tasks = new LinkedHashMap<>();
    Reservations reservations = core.reservations();
    tasks.put("Busy", Map.of("reaped", reservations.reaped(), "size", (long) reservations.size()));
    tasks.put("Workers", Map.of("reaped", core.workers().reaped(), "size", (long) core.workers().size()));
    tasks.put("Scheduled", scanner(core, now, JobSet.SCHEDULED));
    tasks.put("Retries", scanner(core, now, JobSet.RETRIES));
    tasks.put("Dead", scanner(core, now, JobSet.DEAD));
    return tasks;
  }

  private static Map<String, Object> scanner(ModelCore core, Instant now, JobSet set) {
    long every = set.scanSeconds();
    long startSecond = core.stats().startedAt().getEpochSecond();
    long cycles = Math.floorDiv(now.getEpochSecond(), every) - Math.floorDiv(startSecond - 1, every);
    return Map.of("cycles", Math.max(0, cycles), "enqueued", core.scanner().processed(set),
        "size", (long) core.keyspace().set(set).size(), "wall_time_sec", 0.0);
  }

  /** Runs every Redis read like a Redis pipeline does, remembering the first error instead of stopping. */
  private static final class Pipeline {
    private WrongTypeException firstError;

    long run(RedisRead read) {
      try {
        return read.get();
      } catch (WrongTypeException e) {
        firstError = firstError == null ? e : firstError;
        return 0;
      }
    }

    void throwFirstError() throws ErrorReplyException {
      if (firstError != null) {
        throw new ErrorReplyException(firstError);
      }
    }
  }

  /** One Redis read. */
  private interface RedisRead {
    long get() throws WrongTypeException;
  }
}
