package io.github.faktorytestkit.replay;

import io.github.faktorytestkit.fake.FakeFaktory;
import io.github.faktorytestkit.protocol.CommandLine;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves a {@link FakeFaktory}'s manual clock along a transcript: to each event's recorded offset, but only once the
 * fake has received every line sent so far (so that a FETCH starts its wait at the recorded time, not at a later
 * one). A line pipelined behind one still waiting for its reply is not awaited until that reply was read: the fake
 * handles it only then.
 */
final class ModelClock implements RecordedClient.Hooks {
  private final FakeFaktory fake;
  private final Instant start;
  private final Consumer<ReplayScript.Step> beforeStep;
  private final List<String> unawaited = new ArrayList<>();
  private final Map<String, ArrayDeque<String>> behind = new HashMap<>();
  private final Set<String> awaitingReply = new HashSet<>();

  /** Creates the hooks; {@code beforeStep} runs on the fake before each step, once the clock is there. */
  ModelClock(FakeFaktory fake, Instant start, Consumer<ReplayScript.Step> beforeStep) {
    this.fake = fake;
    this.start = start;
    this.beforeStep = beforeStep;
  }

  @Override
  public void before(ReplayScript.Step step) {
    unawaited.forEach(verb -> fake.awaitReceived(verb));
    unawaited.clear();
    Instant target = start.plus(step.event().at());
    if (target.isAfter(fake.now())) {
      fake.advanceTo(target);
    }
    beforeStep.accept(step);
  }

  @Override
  public void sent(String connection, String line, boolean answered) {
    if (!answered) {
      return;
    }
    String verb = CommandLine.verbOf(line);
    if (awaitingReply.add(connection)) {
      unawaited.add(verb);
    } else {
      behind.computeIfAbsent(connection, name -> new ArrayDeque<>()).add(verb);
    }
  }

  @Override
  public void read(String connection) {
    ArrayDeque<String> queued = behind.get(connection);
    if (queued == null || queued.isEmpty()) {
      awaitingReply.remove(connection);
    } else {
      unawaited.add(queued.poll());
    }
  }
}
