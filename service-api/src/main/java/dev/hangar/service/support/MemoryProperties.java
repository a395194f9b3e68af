package dev.hangar.service.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a Hangar process treats its memory: {@code memory.*} ({@code HANGAR_MEMORY_*}).
 *
 * @param compactAfterStart whether the process runs one full garbage collection once it
 * has started, before it reports ready, so that its heap shrinks to what it keeps rather
 * than what starting it produced. Inside the runtime the runtime does it once, after all
 * its services
 * @param heapFreeAfterStart how much of the heap, in percent, that collection may leave
 * free and committed, where the JVM's own {@code MaxHeapFreeRatio} would leave most of
 * it; the heap grows again under load as the collector sees fit. A
 * {@code -XX:MaxHeapFreeRatio} or {@code -XX:MinHeapFreeRatio} given to the JVM takes
 * precedence
 */
@ConfigurationProperties("memory")
@Validated
public record MemoryProperties(@DefaultValue("true") boolean compactAfterStart,
		@DefaultValue("30") @Min(0) @Max(100) int heapFreeAfterStart) {

}
