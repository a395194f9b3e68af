package dev.hangar.thumbnails;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the thumbnails service. The keys sit at the top of the service's own
 * configuration: {@code max-width} in {@code thumbnails.yaml}, under {@code thumbnails:}
 * in {@code hangar.yaml}, or {@code THUMBNAILS_MAX_WIDTH}.
 *
 * @param maxInputSize the largest image accepted, in bytes (e.g. {@code 20MB})
 * @param maxInputPixels the most pixels (width times height) an image may declare;
 * refuses decompression bombs before decoding them
 * @param maxWidth the widest thumbnail that may be requested
 * @param maxHeight the tallest thumbnail that may be requested
 * @param defaultWidth the width of a thumbnail when the request names no size
 * @param defaultHeight the height of a thumbnail when the request names no size
 * @param defaultFormat the format of a thumbnail when the request names none
 * @param renderThreads how many images are decoded and scaled at once; unset, one per
 * processor
 * @param renderQueue how many requests may wait for a render thread; more are refused
 * with 503
 * @param renderMemory the most memory all renders in flight may hold together, counted as
 * the decoded pixels at their depth plus the copies scaling makes; an image that alone
 * needs more is refused with 413, a render that finds it taken waits up to
 * {@code render-timeout}; unset, a quarter of the JVM's maximum heap
 * @param renderTimeout the longest a render may take, waiting included; a longer one is
 * stopped (503)
 */
@ConfigurationProperties
@Validated
public record ThumbnailsProperties(@DefaultValue("20MB") @NotNull DataSize maxInputSize,
		@DefaultValue("50000000") @Min(1) @Max(1_000_000_000) long maxInputPixels,
		@DefaultValue("1024") @Min(1) @Max(8192) int maxWidth, @DefaultValue("1024") @Min(1) @Max(8192) int maxHeight,
		@DefaultValue("128") @Min(1) @Max(8192) int defaultWidth,
		@DefaultValue("128") @Min(1) @Max(8192) int defaultHeight,
		@DefaultValue("png") @NotNull ThumbnailFormat defaultFormat, @Nullable @Min(1) @Max(1024) Integer renderThreads,
		@DefaultValue("100") @Min(1) @Max(100_000) int renderQueue, @Nullable DataSize renderMemory,
		@DefaultValue("30s") @NotNull Duration renderTimeout) {

	/**
	 * The render memory: {@code render-memory}, else a quarter of the JVM's maximum heap.
	 */
	public DataSize renderMemoryBudget() {
		return (this.renderMemory != null) ? this.renderMemory : DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 4);
	}

	/** The render threads to start: {@code render-threads}, else one per processor. */
	public int renderThreadCount() {
		return (this.renderThreads != null) ? this.renderThreads : Runtime.getRuntime().availableProcessors();
	}

	@AssertTrue(message = "max-input-size must be between 1 byte and 1GB")
	boolean isMaxInputSizeInRange() {
		return this.maxInputSize == null
				|| (this.maxInputSize.toBytes() >= 1 && this.maxInputSize.compareTo(DataSize.ofGigabytes(1)) <= 0);
	}

	@AssertTrue(message = "render-memory must be between 16MB and 64GB")
	boolean isRenderMemoryInRange() {
		return this.renderMemory == null || (this.renderMemory.compareTo(DataSize.ofMegabytes(16)) >= 0
				&& this.renderMemory.compareTo(DataSize.ofGigabytes(64)) <= 0);
	}

	@AssertTrue(message = "render-timeout must be between 1s and 1h")
	boolean isRenderTimeoutInRange() {
		return this.renderTimeout == null || (this.renderTimeout.compareTo(Duration.ofSeconds(1)) >= 0
				&& this.renderTimeout.compareTo(Duration.ofHours(1)) <= 0);
	}

	@AssertTrue(message = "default-width and default-height must not exceed max-width and max-height")
	boolean isDefaultSizeWithinMaximum() {
		return this.defaultWidth <= this.maxWidth && this.defaultHeight <= this.maxHeight;
	}

}
