package io.github.faktorytestkit.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.faktorytestkit.protocol.JobJson;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One MUTATE operation: what to do ({@link Command}) to which set ({@link Target}) and to which of its jobs
 * ({@link Filter}; null for all). Immutable.
 *
 * <p>MUTATE is Faktory's repair tool: the server scans the whole set, so keep it out of hot paths.
 *
 * @param command what to do
 * @param target the set to change
 * @param filter the jobs to change, or null for every job in the set
 */
public record Mutation(Command command, Target target, Filter filter) {

  /** Creates the value; command and target must not be null. */
  public Mutation {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(target, "target");
  }

  /** Returns the operation that empties {@code target}. */
  public static Mutation clear(Target target) {
    return new Mutation(Command.CLEAR, target, null);
  }

  /** Returns the operation that moves the matching jobs of {@code target} to the dead set. */
  public static Mutation kill(Target target, Filter filter) {
    return new Mutation(Command.KILL, target, filter);
  }

  /** Returns the operation that deletes the matching jobs of {@code target}. */
  public static Mutation discard(Target target, Filter filter) {
    return new Mutation(Command.DISCARD, target, filter);
  }

  /** Returns the operation that puts the matching jobs of {@code target} back on their queues. */
  public static Mutation requeue(Target target, Filter filter) {
    return new Mutation(Command.REQUEUE, target, filter);
  }

  /**
   * Returns the operation as MUTATE's compact JSON. The server splits the line on spaces, so spaces inside values
   * are written as the JSON escape <code>&#92;u0020</code>, which the server decodes back to a space.
   */
  public String toJson() {
    ObjectNode json = JobJson.newObject()
        .put("cmd", command.wireName())
        .put("target", target.wireName());
    if (filter != null) {
      json.set("filter", filter.toJsonNode());
    }
    return JobJson.write(json).replace(" ", "\\u0020");
  }

  /** What MUTATE does to the matching jobs. */
  public enum Command {
    /** Empties the set (any filter is ignored). */
    CLEAR,
    /** Moves matches to the dead set. */
    KILL,
    /** Deletes matches. */
    DISCARD,
    /** Pushes matches back onto their queues (keeping their {@code enqueued_at}). */
    REQUEUE;

    /** Returns the name in MUTATE's JSON. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The set MUTATE changes. */
  public enum Target {
    /** Failed jobs waiting for a retry. */
    RETRIES,
    /** Jobs pushed with a future {@code at}. */
    SCHEDULED,
    /** Jobs out of retries. */
    DEAD;

    /** Returns the name in MUTATE's JSON. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Which jobs of the set to change. The server applies, in this order of precedence: a non-empty {@code jids}
   * list (the others are then ignored); a {@code regexp}, which is a Redis glob such as {@code *uid:12345*}, not a
   * regular expression, optionally narrowed by {@code jobtype}; a {@code jobtype} alone. Immutable.
   *
   * @param jobtype the exact job type, or null
   * @param jids the job ids (copied), or empty
   * @param regexp a Redis MATCH glob over the job's JSON, or null
   */
  public record Filter(String jobtype, List<String> jids, String regexp) {

    /** Creates the value; a null {@code jids} becomes empty. */
    public Filter {
      jids = jids == null ? List.of() : List.copyOf(jids);
    }

    /** Returns the filter for jobs of exactly {@code jobtype}. */
    public static Filter ofType(String jobtype) {
      return new Filter(Objects.requireNonNull(jobtype, "jobtype"), null, null);
    }

    /** Returns the filter for the jobs with these ids. */
    public static Filter withJids(String... jids) {
      return new Filter(null, List.of(jids), null);
    }

    /** Returns the filter for jobs whose JSON matches the Redis glob {@code pattern}, e.g. {@code *uid:12345*}. */
    public static Filter matching(String pattern) {
      return new Filter(null, null, Objects.requireNonNull(pattern, "pattern"));
    }

    /** Returns this filter narrowed to jobs of exactly {@code jobtype}. */
    public Filter andType(String jobtype) {
      return new Filter(jobtype, jids, regexp);
    }

    private ObjectNode toJsonNode() {
      ObjectNode json = JobJson.newObject();
      if (jobtype != null) {
        json.put("jobtype", jobtype);
      }
      if (!jids.isEmpty()) {
        jids.forEach(json.putArray("jids")::add);
      }
      if (regexp != null) {
        json.put("regexp", regexp);
      }
      return json;
    }
  }
}
