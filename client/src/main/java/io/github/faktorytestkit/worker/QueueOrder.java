package io.github.faktorytestkit.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The order in which a worker's FETCH lists its queues. The server takes the first listed queue that has a job, so
 * the order is a priority: {@link #strict} always lists the queues as given (a busy first queue starves the
 * others); {@link #weighted} lists them in a fresh random order for every FETCH, each queue coming first in
 * proportion to its weight, as {@code faktory_worker_go}'s {@code ProcessWeightedPriorityQueues} does.
 *
 * <p>Immutable and thread-safe.
 */
public final class QueueOrder {
  private final List<String> queues;
  private final List<String> weightedSlots;
  private final Supplier<Random> random;

  private QueueOrder(List<String> queues, List<String> weightedSlots, Supplier<Random> random) {
    this.queues = List.copyOf(queues);
    this.weightedSlots = List.copyOf(weightedSlots);
    this.random = random;
  }

  /**
   * Returns the order that always lists {@code queues} as given: the first one with a job wins.
   *
   * @throws IllegalArgumentException when no queue is given, or a name is empty, holds whitespace or repeats
   */
  public static QueueOrder strict(String... queues) {
    List<String> names = List.of(queues);
    checkNames(names);
    return new QueueOrder(names, List.of(), ThreadLocalRandom::current);
  }

  /**
   * Returns the weighted random order: for each FETCH a queue of weight w comes first with probability w / (sum of
   * weights), and so on down the list, so no queue starves.
   *
   * @throws IllegalArgumentException when no queue is given, a name is invalid or a weight is below 1
   */
  public static QueueOrder weighted(Map<String, Integer> weights) {
    return weighted(weights, ThreadLocalRandom::current);
  }

  static QueueOrder weighted(Map<String, Integer> weights, Supplier<Random> random) {
    Map<String, Integer> sorted = new TreeMap<>(weights);
    checkNames(List.copyOf(sorted.keySet()));
    List<String> slots = new ArrayList<>();
    sorted.forEach((queue, weight) -> {
      if (weight == null || weight < 1) {
        throw new IllegalArgumentException("weights: " + weights + " (expected: every weight >= 1)");
      }
      slots.addAll(Collections.nCopies(weight, queue));
    });
    return new QueueOrder(List.copyOf(sorted.keySet()), slots, random);
  }

  /** Returns every queue of this order, each once (weighted queues in name order). */
  public List<String> queues() {
    return queues;
  }

  /** Returns the queues for the next FETCH, in the order to list them. */
  public String[] next() {
    if (weightedSlots.isEmpty()) {
      return queues.toArray(String[]::new);
    }
    List<String> shuffled = new ArrayList<>(weightedSlots);
    Collections.shuffle(shuffled, random.get());
    return new LinkedHashSet<>(shuffled).toArray(String[]::new);
  }

  @Override
  public String toString() {
    return weightedSlots.isEmpty() ? "strict " + queues : "weighted " + weightsText();
  }

  private String weightsText() {
    Map<String, Integer> weights = new TreeMap<>();
    weightedSlots.forEach(queue -> weights.merge(queue, 1, Integer::sum));
    return weights.toString();
  }

  private static void checkNames(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("queues: none (expected: at least one queue)");
    }
    for (String name : names) {
      if (Objects.requireNonNull(name, "queue").isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("queues: " + names + " (expected: names without whitespace)");
      }
    }
    if (new LinkedHashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("queues: " + names + " (expected: each queue once)");
    }
  }
}
