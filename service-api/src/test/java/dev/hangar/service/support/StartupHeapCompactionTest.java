package dev.hangar.service.support;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StartupHeapCompactionTest {

	private static final int JVM_DEFAULT = 100;

	@Test
	void runsOneFullCollectionWhenTheProcessIsReady() {
		long before = fullCollections();

		new StartupHeapCompaction(true, 30).onApplicationEvent(null);

		assertThat(fullCollections()).isGreaterThan(before);
	}

	@Test
	void collectsNothingWhenTurnedOff() {
		long before = fullCollections();

		new StartupHeapCompaction(false, 30).onApplicationEvent(null);

		assertThat(fullCollections()).isEqualTo(before);
	}

	@Test
	void givesBackMoreOfTheHeapThanTheJvmsOwnFreeRatioWould() {
		assumeTrue(
				ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.anyMatch((collector) -> collector.getName().startsWith("G1")),
				"G1 sizes its heap by the free ratios");

		new StartupHeapCompaction(true, JVM_DEFAULT).onApplicationEvent(null);
		long committedWithTheJvmsRatio = committedHeap();
		new StartupHeapCompaction(true, 10).onApplicationEvent(null);

		assertThat(committedHeap()).isLessThan(committedWithTheJvmsRatio);
	}

	@Test
	void leavesTheJvmsHeapFreeRatiosAsTheyWereAfterTheCollection() {
		String min = flag("MinHeapFreeRatio");
		String max = flag("MaxHeapFreeRatio");

		new StartupHeapCompaction(true, 10).onApplicationEvent(null);

		assertThat(flag("MinHeapFreeRatio")).isEqualTo(min);
		assertThat(flag("MaxHeapFreeRatio")).isEqualTo(max);
	}

	private static long committedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
	}

	private static String flag(String name) {
		return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
	}

	/**
	 * Collections by the collector of the whole heap (G1's "G1 Old Generation", Serial's
	 * "MarkSweepCompact"...).
	 */
	private static long fullCollections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.filter((collector) -> collector.getName().contains("Old") || collector.getName().contains("MarkSweep"))
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

}
