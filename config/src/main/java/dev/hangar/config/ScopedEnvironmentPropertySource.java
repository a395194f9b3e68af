package dev.hangar.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables with one prefix ({@code HANGAR_} or {@code THUMBNAILS_}),
 * with the prefix taken off, so that {@code THUMBNAILS_HTTP_PORT} sets {@code http.port}.
 * Its name ends in {@code -systemEnvironment}: that makes Spring Boot apply its
 * environment-variable name mapping when binding, exactly as for the process environment.
 */
final class ScopedEnvironmentPropertySource extends SystemEnvironmentPropertySource implements OriginLookup<String> {

	private final String prefix;

	private ScopedEnvironmentPropertySource(String name, String prefix, Map<String, Object> variables) {
		super(name, variables);
		this.prefix = prefix;
	}

	/**
	 * The variables of {@code environment} that start with {@code PREFIX_}, except
	 * {@code HANGAR_CONFIG_DIR} and {@code HANGAR_INSTANCE}: they say where the files
	 * are, they are not keys.
	 * @param prefix e.g. {@code THUMBNAILS}
	 */
	static ScopedEnvironmentPropertySource of(String prefix, Map<String, String> environment) {
		String start = prefix + "_";
		Map<String, Object> variables = new LinkedHashMap<>();
		environment.forEach((name, value) -> {
			if (name.startsWith(start) && name.length() > start.length() && !name.equals(ConfigDirectory.VARIABLE)
					&& !name.equals(ConfigLayers.INSTANCE_VARIABLE)) {
				variables.put(name.substring(start.length()), value);
			}
		});
		return new ScopedEnvironmentPropertySource(sourceName(prefix), start, variables);
	}

	static String sourceName(String prefix) {
		return prefix + "_*-systemEnvironment";
	}

	/**
	 * The full name of the variable behind {@code key}, e.g.
	 * {@code THUMBNAILS_MAX_WIDTH}.
	 */
	String variableName(String strippedName) {
		return this.prefix + strippedName;
	}

	@Override
	public @Nullable Origin getOrigin(String key) {
		String property = resolvePropertyName(key);
		if (super.containsProperty(property)) {
			return new SystemEnvironmentOrigin(variableName(property));
		}
		return null;
	}

}
