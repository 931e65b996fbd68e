package io.github.faktorytestkit.fake.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.faktorytestkit.fake.ServerState;
import io.github.faktorytestkit.fake.model.gocompat.GoJsonException;
import io.github.faktorytestkit.fake.model.gocompat.GoTime;
import io.github.faktorytestkit.fake.model.redis.JobSet;
import io.github.faktorytestkit.protocol.Job;
import io.github.faktorytestkit.protocol.JobJson;
import io.github.faktorytestkit.protocol.WorkerState;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** The model behind {@link ServerState}: each call takes the model lock and asks the part that owns the data. */
final class StateView implements ServerState {
  private final ModelCore core;

  StateView(ModelCore core) {
    this.core = core;
  }

  @Override
  public List<String> queueNames() {
    return locked(() -> core.queues().knownNames());
  }

  @Override
  public int queueSize(String queue) {
    return jobsJson(queue).size();
  }

  @Override
  public List<Job> jobs(String queue) {
    return jobsJson(queue).stream().map(StateView::toJob).toList();
  }

  @Override
  public List<String> jobsJson(String queue) {
    return locked(() -> core.keyspace().listOldestFirst(queue));
  }

  @Override
  public List<SetEntry> scheduled() {
    return entries(JobSet.SCHEDULED);
  }

  @Override
  public List<SetEntry> retries() {
    return entries(JobSet.RETRIES);
  }

  @Override
  public List<SetEntry> dead() {
    return entries(JobSet.DEAD);
  }

  @Override
  public List<Reservation> working() {
    return locked(() -> core.reservations().all().stream()
        .map(r -> new Reservation(r.job().jid, toJob(r.job().toJson()), r.wid(), r.since(), r.expiry())).toList());
  }

  @Override
  public List<Worker> workers() {
    return locked(() -> core.workers().all().stream().map(StateView::toWorker).toList());
  }

  @Override
  public Counters counters() {
    return locked(() -> new Counters(core.keyspace().peekCounter("processed"),
        core.keyspace().peekCounter("failures"), core.stats().commands(), core.stats().connections()));
  }

  @Override
  public List<String> pausedQueues() {
    return locked(() -> core.queues().pausedNames());
  }

  @Override
  public long retryDefault() {
    return locked(core::retryDefault);
  }

  @Override
  public String info() {
    return locked(() -> orFail(() -> InfoReport.build(core)));
  }

  @Override
  public void enqueue(Job job) {
    run(() -> {
      GoJob goJob = core.queues().withPushDefaults(goJob(job));
      orFail(() -> core.queues().enqueue(goJob));
    });
  }

  @Override
  public void schedule(Job job, Instant at) {
    run(() -> {
      GoJob goJob = core.queues().withPushDefaults(goJob(job));
      goJob.at = GoTime.format(at);
      addTo(JobSet.SCHEDULED, at, goJob);
    });
  }

  @Override
  public void addRetry(Job job, Instant at) {
    run(() -> addTo(JobSet.RETRIES, at, goJob(job)));
  }

  @Override
  public void addDead(Job job, Instant expiresAt) {
    run(() -> addTo(JobSet.DEAD, expiresAt, goJob(job)));
  }

  @Override
  public void pause(String... queues) {
    run(() -> List.of(queues).forEach(core.queues()::pause));
  }

  @Override
  public void resume(String... queues) {
    run(() -> List.of(queues).forEach(core.queues()::resume));
  }

  @Override
  public void quiet(String widOrAll) {
    signal(widOrAll, WorkerState.QUIET);
  }

  @Override
  public void terminate(String widOrAll) {
    signal(widOrAll, WorkerState.TERMINATE);
  }

  @Override
  public void flush() {
    run(core.keyspace()::flushDb);
  }

  @Override
  public void reset() {
    run(core::reset);
  }

  private void signal(String widOrAll, WorkerState state) {
    run(() -> core.workers().signal(Objects.requireNonNull(widOrAll, "widOrAll"), state));
  }

  private void addTo(JobSet set, Instant at, GoJob job) {
    orFail(() -> core.scanner().add(set, at, job.toJson()));
  }

  private List<SetEntry> entries(JobSet set) {
    return locked(() -> core.keyspace().set(set).entries().stream()
        .map(e -> new SetEntry(e.score(), toJob(e.payload()), e.payload())).toList());
  }

  private static Worker toWorker(Workers.Worker w) {
    return new Worker(w.hello.wid(), w.hello.hostname(), w.hello.pid(), w.hello.labels(), w.state, w.startedAt,
        w.lastHeartbeat, w.rssKb, w.connections.size());
  }

  private static GoJob goJob(Job job) {
    try {
      return GoJob.parse(JobJson.toJson(Objects.requireNonNull(job, "job")));
    } catch (GoJsonException e) {
      throw new IllegalArgumentException("job: " + job + " (expected: a job the server can store)", e);
    }
  }

  private static Job toJob(String payload) {
    try {
      return JobJson.parse(payload);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T locked(Supplier<T> body) {
    return core.lock().call(body);
  }

  private void run(Runnable body) {
    core.lock().run(body);
  }

  private static <T> T orFail(ThrowingSupplier<T> body) {
    try {
      return body.get();
    } catch (ErrorReplyException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void orFail(ThrowingAction body) {
    orFail(() -> {
      body.run();
      return null;
    });
  }

  private interface ThrowingSupplier<T> {
    T get() throws ErrorReplyException;
  }

  private interface ThrowingAction {
    void run() throws ErrorReplyException;
  }
}
