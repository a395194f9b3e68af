package dev.hangar.storage;

import java.nio.file.Path;

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
 * @param quota the most bytes the space may hold; a PUT that would exceed it gets 507 and leaves
 * nothing behind; unset for no quota
 * @param readOnly whether writes are refused (403)
 * @param maxUploadSize the largest single upload; larger ones get 413
 */
@ConfigurationProperties
@Validated
public record StorageProperties(@DefaultValue("posix") @NotNull StorageDriverType driver, @NotNull Path root,
		@Nullable DataSize quota, @DefaultValue("false") boolean readOnly,
		@DefaultValue("1GB") @NotNull DataSize maxUploadSize) {

	/** The drivers a connector can use. */
	public enum StorageDriverType {

		/** A local directory. */
		POSIX

	}

}
