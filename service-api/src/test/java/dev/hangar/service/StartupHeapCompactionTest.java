package dev.hangar.service;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupHeapCompactionTest {

	@Test
	void runsOneFullCollectionWhenTheProcessIsReady() {
		long before = fullCollections();

		new StartupHeapCompaction(true).onApplicationEvent(null);

		assertThat(fullCollections()).isGreaterThan(before);
	}

	@Test
	void collectsNothingWhenTurnedOff() {
		long before = fullCollections();

		new StartupHeapCompaction(false).onApplicationEvent(null);

		assertThat(fullCollections()).isEqualTo(before);
	}

	/** Collections by the collector of the whole heap (G1's "G1 Old Generation", Serial's "MarkSweepCompact"...). */
	private static long fullCollections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.filter((collector) -> collector.getName().contains("Old") || collector.getName().contains("MarkSweep"))
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

}
