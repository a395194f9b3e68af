package dev.hangar.thumbnails;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where thumbnails finds the storage connectors whose files it scales, and its disk
 * cache. {@code storage.sources.storage-users: http://127.0.0.1:9158} in
 * {@code thumbnails.yaml}; a registry will replace this list.
 *
 * @param sources the base URL of each connector, by name
 * @param cache the thumbnails made from stored files
 */
@ConfigurationProperties("storage")
@Validated
public record StorageSourceProperties(@DefaultValue Map<String, URI> sources, @Valid @DefaultValue Cache cache) {

	/**
	 * @param dir where cached thumbnails are kept
	 * @param maxSize the most bytes the cache may hold; the least recently used go first
	 */
	public record Cache(@NotNull Path dir, @DefaultValue("256MB") @NotNull DataSize maxSize) {
	}

}
