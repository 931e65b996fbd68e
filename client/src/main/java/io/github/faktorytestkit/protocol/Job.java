package io.github.faktorytestkit.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Faktory job: an immutable value holding every field the server keeps.
 *
 * <p>Fields map to the server's JSON keys in the server's own order ({@code retry, failure, custom, jid, queue,
 * jobtype, created_at, enqueued_at, at, args, reserve_for, backtrace}); empty optional fields are left out, as
 * the server does. {@code retry} distinguishes null (server default 25), 0 (discard on failure) and negative
 * (straight to the dead set). Unknown keys are ignored when reading, as the server drops them.
 *
 * <p>Build one with {@link #builder(String)} or {@link #of(String, Object...)}; copy-and-change with
 * {@link #toBuilder()}. Read and write JSON with {@link JobJson}.
 */
@JsonPropertyOrder({
  "retry", "failure", "custom", "jid", "queue", "jobtype", "created_at", "enqueued_at", "at", "args",
  "reserve_for", "backtrace"
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Job {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String jid;
  private final String jobtype;
  private final List<Object> args;
  private final String queue;
  private final Integer retry;
  private final int reserveFor;
  private final String at;
  private final String createdAt;
  private final String enqueuedAt;
  private final int backtrace;
  private final Map<String, Object> custom;
  private final Failure failure;

  private Job(Builder b) {
    this.jid = b.jid;
    this.jobtype = b.jobtype;
    this.args = b.args == null ? null : Collections.unmodifiableList(new ArrayList<>(b.args));
    this.queue = b.queue;
    this.retry = b.retry;
    this.reserveFor = b.reserveFor;
    this.at = b.at;
    this.createdAt = b.createdAt;
    this.enqueuedAt = b.enqueuedAt;
    this.backtrace = b.backtrace;
    this.custom = b.custom == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.custom));
    this.failure = b.failure;
  }

  @JsonCreator
  static Job fromJson(
      @JsonProperty("jid") String jid,
      @JsonProperty("jobtype") String jobtype,
      @JsonProperty("args") List<Object> args,
      @JsonProperty("queue") String queue,
      @JsonProperty("retry") Integer retry,
      @JsonProperty("reserve_for") int reserveFor,
      @JsonProperty("at") String at,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("enqueued_at") String enqueuedAt,
      @JsonProperty("backtrace") int backtrace,
      @JsonProperty("custom") Map<String, Object> custom,
      @JsonProperty("failure") Failure failure) {
    Builder b = new Builder(jobtype).jid(jid).args(args).queue(queue).retry(retry).reserveFor(reserveFor);
    return b.at(at).createdAt(createdAt).enqueuedAt(enqueuedAt).backtrace(backtrace).custom(custom)
        .failure(failure).build();
  }

  /** Returns a builder for a job of {@code jobtype} with a random jid, queue "default" and no args. */
  public static Builder builder(String jobtype) {
    return new Builder(jobtype).jid(randomJid());
  }

  /** Returns a job of {@code jobtype} with these args, a random jid and the server's defaults otherwise. */
  public static Job of(String jobtype, Object... args) {
    return builder(jobtype).args(args).build();
  }

  /** Returns a random jid in the official clients' form: 12 random bytes, base64url without padding. */
  public static String randomJid() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns a builder holding this job's fields. */
  public Builder toBuilder() {
    return new Builder(jobtype).jid(jid).args(args).queue(queue).retry(retry).reserveFor(reserveFor).at(at)
        .createdAt(createdAt).enqueuedAt(enqueuedAt).backtrace(backtrace).custom(custom).failure(failure);
  }

  /** Returns the job id. */
  @JsonProperty("jid")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String jid() {
    return jid;
  }

  /** Returns the job type, the name workers dispatch on. */
  @JsonProperty("jobtype")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String jobtype() {
    return jobtype;
  }

  /** Returns the arguments (unmodifiable), or null when the job has none set (the server rejects that). */
  @JsonProperty("args")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public List<Object> args() {
    return args;
  }

  /** Returns the queue name, or null to let the server use "default". */
  @JsonProperty("queue")
  public String queue() {
    return queue;
  }

  /** Returns the retry policy: null for the server default (25), 0 to discard on failure, negative for dead. */
  @JsonProperty("retry")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Integer retry() {
    return retry;
  }

  /** Returns the reservation time in seconds, 0 for the server default (1800). */
  @JsonProperty("reserve_for")
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int reserveFor() {
    return reserveFor;
  }

  /** Returns when the job should run (RFC 3339), or null to run now. */
  @JsonProperty("at")
  public String at() {
    return at;
  }

  /** Returns when the job was created (RFC 3339), or null to let the server fill it in. */
  @JsonProperty("created_at")
  public String createdAt() {
    return createdAt;
  }

  /** Returns when the job was last enqueued (RFC 3339); the server overwrites it on every enqueue. */
  @JsonProperty("enqueued_at")
  public String enqueuedAt() {
    return enqueuedAt;
  }

  /** Returns how many backtrace lines a worker should keep on failure (stored, not used by the server). */
  @JsonProperty("backtrace")
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int backtrace() {
    return backtrace;
  }

  /** Returns the free-form custom hash (unmodifiable), or null. */
  @JsonProperty("custom")
  public Map<String, Object> custom() {
    return custom;
  }

  /** Returns the failure the server recorded, or null when the job has not failed. */
  @JsonProperty("failure")
  public Failure failure() {
    return failure;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Job other && JobJson.toJson(this).equals(JobJson.toJson(other));
  }

  @Override
  public int hashCode() {
    return JobJson.toJson(this).hashCode();
  }

  @Override
  public String toString() {
    return "Job" + JobJson.toJson(this);
  }

  /** Builds {@link Job} values. Not thread-safe. */
  public static final class Builder {
    private String jid;
    private String jobtype;
    private List<Object> args = List.of();
    private String queue = "default";
    private Integer retry;
    private int reserveFor;
    private String at;
    private String createdAt;
    private String enqueuedAt;
    private int backtrace;
    private Map<String, Object> custom;
    private Failure failure;

    private Builder(String jobtype) {
      this.jobtype = jobtype;
    }

    /** Sets the job id (the server requires at least 8 characters). */
    public Builder jid(String jid) {
      this.jid = jid;
      return this;
    }

    /** Sets the job type. */
    public Builder jobtype(String jobtype) {
      this.jobtype = jobtype;
      return this;
    }

    /** Sets the arguments; null leaves {@code args} out (the server rejects such a job). */
    public Builder args(List<?> args) {
      this.args = args == null ? null : new ArrayList<>(args);
      return this;
    }

    /** Sets the arguments; null elements are allowed and sent as JSON null. */
    public Builder args(Object... args) {
      return args(Arrays.asList(args));
    }

    /** Sets the queue; null lets the server use "default". */
    public Builder queue(String queue) {
      this.queue = queue;
      return this;
    }

    /** Sets the retry policy: null for the server default (25), 0 to discard on failure, negative for dead. */
    public Builder retry(Integer retry) {
      this.retry = retry;
      return this;
    }

    /** Sets the reservation time in seconds; 0 means the server default (1800). */
    public Builder reserveFor(int seconds) {
      this.reserveFor = seconds;
      return this;
    }

    /** Sets when the job should run, as RFC 3339 text; null runs it now. */
    public Builder at(String at) {
      this.at = at;
      return this;
    }

    /**
     * Sets when the job should run, sent as RFC 3339 text in UTC (such as {@code 2026-03-01T10:00:05.250Z}); null
     * runs it now. On the fake, build it from the server's clock ({@code server.now().plusSeconds(5)}).
     */
    public Builder at(Instant at) {
      return at(at == null ? (String) null : at.toString());
    }

    /** Sets the creation time, as RFC 3339 text. */
    public Builder createdAt(String createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets the enqueue time, as RFC 3339 text (the server overwrites it). */
    public Builder enqueuedAt(String enqueuedAt) {
      this.enqueuedAt = enqueuedAt;
      return this;
    }

    /** Sets how many backtrace lines a worker should keep. */
    public Builder backtrace(int backtrace) {
      this.backtrace = backtrace;
      return this;
    }

    /** Sets the custom hash. */
    public Builder custom(Map<String, ?> custom) {
      this.custom = custom == null ? null : new LinkedHashMap<>(custom);
      return this;
    }

    /** Sets the failure object (normally written only by the server). */
    public Builder failure(Failure failure) {
      this.failure = failure;
      return this;
    }

    /** Returns the job. */
    public Job build() {
      Objects.requireNonNull(jobtype, "jobtype");
      return new Job(this);
    }
  }
}
