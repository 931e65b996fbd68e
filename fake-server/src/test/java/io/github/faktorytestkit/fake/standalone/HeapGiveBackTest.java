package io.github.faktorytestkit.fake.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The jar's heap give-back: its ratios where they are at their default, and one collection at once. */
class HeapGiveBackTest {

  @Test
  void setsTheRatiosStillAtTheirDefaultAndCollectsOnce() {
    HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    boolean maxAtDefault = hotSpot.getVMOption("MaxHeapFreeRatio").getOrigin()
        == com.sun.management.VMOption.Origin.DEFAULT;
    long before = collections();

    HeapGiveBack.apply();

    assertThat(collections()).isGreaterThan(before);
    if (maxAtDefault) {
      assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("20");
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }
}
