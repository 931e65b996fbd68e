package io.github.faktorytestkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

  @Test
  void strictOrderListsTheQueuesAsGiven() {
    QueueOrder order = QueueOrder.strict("critical", "default", "bulk");

    assertThat(order.next()).containsExactly("critical", "default", "bulk");
    assertThat(order.next()).containsExactly("critical", "default", "bulk");
    assertThat(order).hasToString("strict [critical, default, bulk]");
  }

  @Test
  void weightedOrderPutsEachQueueFirstInProportionToItsWeight() {
    Random random = new Random(42);
    QueueOrder order = QueueOrder.weighted(Map.of("critical", 3, "default", 2, "bulk", 1), () -> random);
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < 6000; i++) {
      String[] queues = order.next();
      assertThat(queues).containsExactlyInAnyOrder("critical", "default", "bulk");
      first.merge(queues[0], 1, Integer::sum);
    }

    assertThat(first.get("critical")).isBetween(2800, 3200);
    assertThat(first.get("default")).isBetween(1800, 2200);
    assertThat(first.get("bulk")).isBetween(850, 1150);
    assertThat(order.queues()).containsExactly("bulk", "critical", "default");
    assertThat(order).hasToString("weighted {bulk=1, critical=3, default=2}");
  }

  @Test
  void badQueuesAreRefusedByName() {
    assertThatThrownBy(QueueOrder::strict).hasMessage("queues: none (expected: at least one queue)");
    assertThatThrownBy(() -> QueueOrder.strict("a b"))
        .hasMessage("queues: [a b] (expected: names without whitespace)");
    assertThatThrownBy(() -> QueueOrder.strict("a", "a")).hasMessage("queues: [a, a] (expected: each queue once)");
    assertThatThrownBy(() -> QueueOrder.weighted(Map.of("a", 0)))
        .hasMessage("weights: {a=0} (expected: every weight >= 1)");
  }
}
