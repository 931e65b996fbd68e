package io.github.faktorytestkit.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code failure} object the server writes into a job when it fails: when, why, and how many retries remain.
 *
 * @param failedAt when the job first failed (RFC 3339); not updated by later failures
 * @param nextAt when the job is retried next (RFC 3339), or null when it went to the dead set
 * @param message the error message, or null
 * @param errtype the error type, or null
 * @param backtrace the backtrace lines, or null
 * @param retryCount how many times the job has been retried (0 on the first failure)
 * @param remaining how many retries remain
 */
@JsonPropertyOrder({"failed_at", "next_at", "message", "errtype", "backtrace", "retry_count", "remaining"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Failure(
    @JsonProperty("failed_at") @JsonInclude(JsonInclude.Include.ALWAYS) String failedAt,
    @JsonProperty("next_at") String nextAt,
    @JsonProperty("message") String message,
    @JsonProperty("errtype") String errtype,
    @JsonProperty("backtrace") List<String> backtrace,
    @JsonProperty("retry_count") @JsonInclude(JsonInclude.Include.ALWAYS) int retryCount,
    @JsonProperty("remaining") @JsonInclude(JsonInclude.Include.ALWAYS) int remaining) {

  /** Creates the value; the backtrace list is copied. */
  public Failure {
    backtrace = backtrace == null ? null : List.copyOf(backtrace);
  }
}
