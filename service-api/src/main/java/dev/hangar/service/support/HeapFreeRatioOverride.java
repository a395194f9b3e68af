package dev.hangar.service.support;

import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;

/**
 * Lowers the JVM's {@code MaxHeapFreeRatio} for the span of one collection and restores
 * it after, with {@code MinHeapFreeRatio}, which may not exceed it. After a full
 * collection G1 (and Serial) shrink the heap only to what these ratios allow, and by
 * default most of it may stay free (docs/configuration.md, memory.*). Both are manageable
 * HotSpot flags, meant to be set at run time; a value given when the JVM was launched is
 * the operator's and is left alone, as is a JVM without them.
 */
public final class HeapFreeRatioOverride implements AutoCloseable {

	private static final String MAX = "MaxHeapFreeRatio";

	private static final String MIN = "MinHeapFreeRatio";

	private static final Set<Origin> SET_AT_LAUNCH = EnumSet.of(Origin.VM_CREATION, Origin.ENVIRON_VAR,
			Origin.CONFIG_FILE);

	private static final HeapFreeRatioOverride NONE = new HeapFreeRatioOverride(null, 0, 0);

	private final @Nullable HotSpotDiagnosticMXBean hotSpot;

	private final int previousMin;

	private final int previousMax;

	private HeapFreeRatioOverride(@Nullable HotSpotDiagnosticMXBean hotSpot, int previousMin, int previousMax) {
		this.hotSpot = hotSpot;
		this.previousMin = previousMin;
		this.previousMax = previousMax;
	}

	/**
	 * @param maxFreePercent how much of the heap may stay free, in percent
	 * @return the override, to close once the collection is done; does nothing if the JVM
	 * already allows no more, was launched with either ratio, or has no such flags
	 */
	static HeapFreeRatioOverride lowerTo(int maxFreePercent) {
		try {
			HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			if (hotSpot == null) {
				return NONE;
			}
			VMOption min = hotSpot.getVMOption(MIN);
			VMOption max = hotSpot.getVMOption(MAX);
			int previousMax = Integer.parseInt(max.getValue());
			if (maxFreePercent >= previousMax || SET_AT_LAUNCH.contains(min.getOrigin())
					|| SET_AT_LAUNCH.contains(max.getOrigin())) {
				return NONE;
			}
			int previousMin = Integer.parseInt(min.getValue());
			// The JVM keeps min <= max at every step: lower min first, and raise max
			// first when restoring.
			hotSpot.setVMOption(MIN, Integer.toString(Math.min(previousMin, maxFreePercent)));
			hotSpot.setVMOption(MAX, Integer.toString(maxFreePercent));
			return new HeapFreeRatioOverride(hotSpot, previousMin, previousMax);
		}
		catch (IllegalArgumentException | SecurityException | LinkageError ex) {
			return NONE;
		}
	}

	/** Whether the ratios were lowered (and are restored on {@link #close()}). */
	boolean applied() {
		return this.hotSpot != null;
	}

	@Override
	public void close() {
		if (this.hotSpot != null) {
			this.hotSpot.setVMOption(MAX, Integer.toString(this.previousMax));
			this.hotSpot.setVMOption(MIN, Integer.toString(this.previousMin));
		}
	}

}
