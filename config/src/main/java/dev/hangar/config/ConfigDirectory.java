package dev.hangar.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The directory that holds {@code hangar.yaml} and the {@code <service>.yaml} files, and
 * how it was chosen, so that messages can tell the user how to point elsewhere.
 *
 * @param path the directory; it need not exist
 * @param origin how it was chosen, e.g. {@code HANGAR_CONFIG_DIR}
 */
public record ConfigDirectory(Path path, String origin) {

	/** The environment variable that names the config dir. */
	public static final String VARIABLE = "HANGAR_CONFIG_DIR";

	/** Resolves the config dir from {@value #VARIABLE}, else {@code ~/.hangar/config}. */
	public static ConfigDirectory resolve(Map<String, String> environment) {
		String value = environment.get(VARIABLE);
		if (value != null && !value.isBlank()) {
			return new ConfigDirectory(Path.of(value.strip()).toAbsolutePath(), "environment variable " + VARIABLE);
		}
		return new ConfigDirectory(HangarHome.of(environment).resolve("config"),
				"default (set " + VARIABLE + " to change it)");
	}

	public Path file(String name) {
		return this.path.resolve(name);
	}

}
