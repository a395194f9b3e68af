package dev.hangar.service.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Once a process has started, one full garbage collection, before readiness is reported
 * (Boot publishes the ready event first). Starting Spring contexts allocates several
 * times what they keep, and the JVM grows its young generation to match, so a process
 * would otherwise hold on to memory it used only while starting. For that one collection
 * the heap may keep only a set share free ({@link HeapFreeRatioOverride}), so that the
 * collector returns the rest to the operating system; under load the heap grows again as
 * the collector sees fit.
 */
public class StartupHeapCompaction implements ApplicationListener<ApplicationReadyEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(StartupHeapCompaction.class);

	private final boolean enabled;

	private final int heapFreePercent;

	/**
	 * @param enabled whether to collect; a service inside the runtime leaves it to the
	 * runtime
	 * @param heapFreePercent how much of the heap the collection may leave free, in
	 * percent
	 */
	public StartupHeapCompaction(boolean enabled, int heapFreePercent) {
		this.enabled = enabled;
		this.heapFreePercent = heapFreePercent;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.enabled) {
			return;
		}
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		MemoryUsage before = memory.getHeapMemoryUsage();
		long started = System.nanoTime();
		boolean lowered;
		try (HeapFreeRatioOverride override = HeapFreeRatioOverride.lowerTo(this.heapFreePercent)) {
			lowered = override.applied();
			memory.gc();
		}
		MemoryUsage after = memory.getHeapMemoryUsage();
		logger.info("Heap compacted after start-up in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
				+ mebibytes(before.getUsed()) + " -> " + mebibytes(after.getUsed()) + " MiB used, "
				+ mebibytes(before.getCommitted()) + " -> " + mebibytes(after.getCommitted())
				+ " MiB committed (memory.compact-after-start"
				+ (lowered ? ", memory.heap-free-after-start=" + this.heapFreePercent + "%" : "") + ")");
	}

	/**
	 * Before other listeners of the ready event, which may start work in the background.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static long mebibytes(long bytes) {
		return bytes / (1024 * 1024);
	}

}
