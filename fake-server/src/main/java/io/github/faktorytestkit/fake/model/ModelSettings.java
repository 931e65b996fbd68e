package io.github.faktorytestkit.fake.model;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a fake server behaves where the real one is configured: password, reported version, connection cap, and the
 * seed of its randomness (handshake iterations and salt, retry jitter). Immutable; build with {@link #builder()}.
 */
public final class ModelSettings {
  /** The Faktory version the fake reports in INFO unless told otherwise. */
  public static final String DEFAULT_VERSION = "1.9.4";
  /** Faktory's connection cap ({@code DefaultMaxPoolSize}). */
  public static final int DEFAULT_MAX_CONNECTIONS = 2000;

  private final String password;
  private final String version;
  private final Long seed;
  private final int maxConnections;
  private final LongSupplier memoryGauge;

  private ModelSettings(Builder b) {
    this.password = b.password;
    this.version = b.version;
    this.seed = b.seed;
    this.maxConnections = b.maxConnections;
    this.memoryGauge = b.memoryGauge;
  }

  /** Returns the settings of a default server: no password, version 1.9.4, random seed, 2000 connections. */
  public static ModelSettings defaults() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the password clients must prove in HELLO, or null when the server has none. */
  public String password() {
    return password;
  }

  /** Returns the version reported as {@code faktory_version} in INFO. */
  public String version() {
    return version;
  }

  /** Returns the seed of the server's randomness, or null for an unpredictable one. */
  public Long seed() {
    return seed;
  }

  /** Returns how many handshaken connections the server accepts before refusing more. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Returns what INFO reports as {@code used_memory_mb}: by default the JVM's used heap in MiB. */
  public LongSupplier memoryGauge() {
    return memoryGauge;
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().password(password).version(version).seed(seed).maxConnections(maxConnections)
        .memoryGauge(memoryGauge);
  }

  /** Builds {@link ModelSettings}. Not thread-safe. */
  public static final class Builder {
    private String password;
    private String version = DEFAULT_VERSION;
    private Long seed;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private LongSupplier memoryGauge = ModelSettings::usedHeapMb;

    private Builder() {}

    /** Sets the password; null or empty means none, as for the real server. */
    public Builder password(String password) {
      this.password = password == null || password.isEmpty() ? null : password;
      return this;
    }

    /** Sets the version reported in INFO. */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Sets the seed of the server's randomness; null makes it unpredictable. */
    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the connection cap; must be positive. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 1)");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** Sets what INFO reports as {@code used_memory_mb} (a fixed value makes INFO repeatable in tests). */
    public Builder memoryGauge(LongSupplier memoryGauge) {
      this.memoryGauge = Objects.requireNonNull(memoryGauge, "memoryGauge");
      return this;
    }

    /** Returns the settings. */
    public ModelSettings build() {
      return new ModelSettings(this);
    }
  }

  private static long usedHeapMb() {
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
  }
}
