package dev.hangar.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hangar.config.InvalidConfigurationException;

/**
 * The data dir, made sure to exist when a service starts: its disk-space health watches it, and a
 * data dir that cannot be created is a configuration error better seen at start than at the first
 * write.
 */
public final class DataDirectory {

	private final Path path;

	DataDirectory(DataDirectoryProperties properties) {
		this.path = properties.dataDir().toAbsolutePath();
		try {
			Files.createDirectories(this.path);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationException("Cannot create the data dir " + this.path + " (data-dir): " + ex
					+ ". Set HANGAR_DATA_DIR or data-dir to a directory this user can write.", ex);
		}
	}

	public Path path() {
		return this.path;
	}

	/** The directory of one service's data, e.g. {@code <data-dir>/settings}. */
	public Path of(String service) {
		return this.path.resolve(service);
	}

}
