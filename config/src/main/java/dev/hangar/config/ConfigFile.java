package dev.hangar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * One YAML file of configuration, flattened to keys such as {@code http.port}, each value
 * remembering its file, line and column. A missing file is empty; a malformed one is an
 * {@link InvalidConfigurationException} that points at the line.
 */
public final class ConfigFile {

	private final String name;

	private final Map<String, Object> values;

	private ConfigFile(String name, Map<String, Object> values) {
		this.name = name;
		this.values = values;
	}

	/** Reads {@code path}; a file that does not exist gives an empty configuration. */
	public static ConfigFile read(Path path) {
		if (!Files.exists(path)) {
			return new ConfigFile(path.toString(), Map.of());
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new InvalidConfigurationException(
					"Configuration file " + path + " is not a readable file. Fix its permissions or remove it.");
		}
		return load(path.toString(), new FileSystemResource(path));
	}

	/**
	 * Reads a resource (a scope's built-in defaults); {@code null} gives an empty
	 * configuration.
	 */
	public static ConfigFile read(@Nullable Resource resource) {
		if (resource == null || !resource.exists()) {
			return new ConfigFile(String.valueOf(resource), Map.of());
		}
		return load(resource.getDescription(), resource);
	}

	private static ConfigFile load(String name, Resource resource) {
		List<PropertySource<?>> documents;
		try {
			documents = new YamlPropertySourceLoader().load(name, resource);
		}
		catch (IOException | RuntimeException ex) {
			throw malformed(name, ex);
		}
		if (documents.size() > 1) {
			throw new InvalidConfigurationException("Configuration file " + name + " holds " + documents.size()
					+ " YAML documents; Hangar reads one. Merge them into one document (remove the '---' lines).");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (PropertySource<?> document : documents) {
			@SuppressWarnings("unchecked")
			Map<String, Object> source = (Map<String, Object>) document.getSource();
			values.putAll(source);
		}
		return new ConfigFile(name, values);
	}

	private static InvalidConfigurationException malformed(String name, Throwable ex) {
		MarkedYAMLException yaml = findCause(ex, MarkedYAMLException.class);
		if (yaml != null) {
			Mark mark = (yaml.getProblemMark() != null) ? yaml.getProblemMark() : yaml.getContextMark();
			String where = (mark != null) ? name + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) : name;
			String problem = (yaml.getProblem() != null) ? yaml.getProblem() : yaml.getMessage();
			String context = (yaml.getContext() != null) ? " (" + yaml.getContext() + ")" : "";
			return new InvalidConfigurationException("Malformed YAML at " + where + ": " + problem + context
					+ ". Fix the file; it must be one YAML mapping of keys to values.", ex);
		}
		return new InvalidConfigurationException("Cannot read configuration file " + name + ": " + rootMessage(ex)
				+ ". Fix the file; it must be one YAML mapping of keys to values.", ex);
	}

	private static <T extends Throwable> @Nullable T findCause(@Nullable Throwable ex, Class<T> type) {
		while (ex != null) {
			if (type.isInstance(ex)) {
				return type.cast(ex);
			}
			ex = ex.getCause();
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	public String name() {
		return this.name;
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/** The value of {@code key} as the file writes it, if the file sets it. */
	public Optional<String> value(String key) {
		Object value = this.values.get(key);
		if (value instanceof OriginTrackedValue tracked) {
			value = tracked.getValue();
		}
		return Optional.ofNullable(value).map(String::valueOf);
	}

	/** The top-level names of the keys, e.g. {@code http} for {@code http.port}. */
	public List<String> topLevelNames() {
		return this.values.keySet().stream().map(ConfigFile::topLevelName).distinct().toList();
	}

	static String topLevelName(String key) {
		int end = key.length();
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == '.' || c == '[') {
				end = i;
				break;
			}
		}
		return key.substring(0, end);
	}

	/** The keys whose top-level name passes {@code filter}, unchanged. */
	OriginTrackedMapPropertySource select(String sourceName, Predicate<String> topLevelFilter) {
		Map<String, Object> selected = new LinkedHashMap<>();
		this.values.forEach((key, value) -> {
			if (topLevelFilter.test(topLevelName(key))) {
				selected.put(key, value);
			}
		});
		return new OriginTrackedMapPropertySource(sourceName, selected, true);
	}

	/**
	 * The keys under {@code section}, with the section taken off:
	 * {@code thumbnails.http.port} becomes {@code http.port}.
	 */
	OriginTrackedMapPropertySource section(String sourceName, String section) {
		Map<String, Object> selected = new LinkedHashMap<>();
		String start = section + ".";
		this.values.forEach((key, value) -> {
			if (key.startsWith(start)) {
				selected.put(key.substring(start.length()), value);
			}
			else if (key.equals(section) && !isEmptyValue(value)) {
				throw new InvalidConfigurationException("'" + section + "' in " + describe(value, this.name)
						+ " must be a mapping of the " + section + " service's keys, not a single value. "
						+ "Write it as '" + section + ":' followed by indented keys.");
			}
		});
		return new OriginTrackedMapPropertySource(sourceName, selected, true);
	}

	/** All keys, unchanged. */
	OriginTrackedMapPropertySource all(String sourceName) {
		return new OriginTrackedMapPropertySource(sourceName, this.values, true);
	}

	private static boolean isEmptyValue(Object value) {
		Object raw = (value instanceof OriginTrackedValue tracked) ? tracked.getValue() : value;
		return raw == null || "".equals(raw);
	}

	private static String describe(Object value, String fallback) {
		if (value instanceof OriginTrackedValue tracked && tracked.getOrigin() != null) {
			return tracked.getOrigin().toString();
		}
		return fallback;
	}

}
