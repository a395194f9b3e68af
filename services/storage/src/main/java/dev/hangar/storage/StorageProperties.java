package dev.hangar.storage;

import java.nio.file.Path;

import jakarta.validation.Valid;
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
 * One storage connector: {@code root} in {@code storage-users.yaml}, or
 * {@code STORAGE_USERS_ROOT}.
 *
 * @param driver what holds the files
 * @param root the directory the connector serves (posix driver)
 * @param quota the most bytes the space may hold; a PUT that would exceed it gets 507 and
 * leaves nothing behind; unset for no quota
 * @param readOnly whether writes are refused (403)
 * @param maxUploadSize the largest single upload; larger ones get 413
 * @param maxLocks the most WebDAV locks the space holds at once; a new lock past it gets
 * 507
 * @param deadProperties the limits on WebDAV dead properties (PROPPATCH)
 */
@ConfigurationProperties
@Validated
public record StorageProperties(@DefaultValue("posix") @NotNull StorageDriverType driver, @NotNull Path root,
		@Nullable DataSize quota, @DefaultValue("false") boolean readOnly,
		@DefaultValue("1GB") @NotNull DataSize maxUploadSize,
		@DefaultValue("10000") @Min(1) @Max(1_000_000) int maxLocks,
		@Valid @DefaultValue DeadProperties deadProperties) {

	/**
	 * Limits on the dead properties clients set with PROPPATCH; each is kept on disk
	 * beside the space's files.
	 *
	 * @param maxRequestSize the largest PROPPATCH, PROPFIND or LOCK body; larger ones get
	 * 413
	 * @param maxCount the most dead properties one resource may have; a PROPPATCH past it
	 * gets 409
	 * @param maxValueSize the largest one property may be, as XML; a larger one gets 413
	 */
	public record DeadProperties(@DefaultValue("256KB") @NotNull DataSize maxRequestSize,
			@DefaultValue("100") @Min(0) @Max(100_000) int maxCount,
			@DefaultValue("64KB") @NotNull DataSize maxValueSize) {

		@AssertTrue(message = "dead-properties.max-request-size and max-value-size must be between 1KB and 16MB")
		boolean isSizeInRange() {
			return inRange(this.maxRequestSize) && inRange(this.maxValueSize);
		}

		private static boolean inRange(DataSize size) {
			return size == null || (size.toBytes() >= 1024 && size.compareTo(DataSize.ofMegabytes(16)) <= 0);
		}

	}

	/** The drivers a connector can use. */
	public enum StorageDriverType {

		/** A local directory. */
		POSIX

	}

}
