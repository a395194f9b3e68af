package dev.hangar.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.hangar.config.ConfigEntry;
import dev.hangar.config.ConfigLayer;
import dev.hangar.config.EffectiveConfiguration;
import dev.hangar.config.InvalidConfigurationException;

/**
 * Makes sure the data dir exists before a context starts: a service's disk-space health
 * watches it, its database may live in it, and a data dir that cannot be created is a
 * configuration error better seen at start, naming where it was set, than at the first
 * write.
 */
public final class DataDirectory {

	/** The key of the data dir. */
	public static final String KEY = "data-dir";

	private DataDirectory() {
	}

	/** Creates the data dir the layers name, if it does not exist yet. */
	public static Path prepare(List<ConfigLayer> layers) {
		ConfigEntry entry = EffectiveConfiguration.lookup(layers, KEY);
		if (entry == null) {
			throw new InvalidConfigurationException("No data dir is configured: set HANGAR_DATA_DIR or data-dir.");
		}
		Path path = Path.of(entry.value()).toAbsolutePath();
		try {
			return Files.createDirectories(path);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidConfigurationException(
					"Cannot create the data dir " + path + " (data-dir, from " + entry.origin() + "): " + ex
							+ ". Set HANGAR_DATA_DIR or data-dir to a directory this user can write.",
					ex);
		}
	}

}
