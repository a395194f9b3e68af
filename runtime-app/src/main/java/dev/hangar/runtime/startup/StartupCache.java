package dev.hangar.runtime.startup;

import java.nio.file.Path;
import java.util.List;

/**
 * A cache ready to start from.
 *
 * @param name what it was recorded with: {@code server} or a service's name
 * @param format its format
 * @param file the cache itself
 * @param jar the extracted runtime.jar it was recorded with, which a JVM must be started
 * from
 */
public record StartupCache(String name, CacheFormat format, Path file, Path jar) {

	/** The name of the java argument file ({@code java @file}) beside the cache. */
	public static final String ARGUMENT_FILE = "java.args";

	/** The java options that start runtime.jar from this cache; its arguments follow. */
	public List<String> javaOptions() {
		return List.of(this.format.useOption(this.file), "-jar", this.jar.toString());
	}

	/** A java argument file holding {@link #javaOptions()}: {@code java @file server}. */
	public Path argumentFile() {
		return this.file.resolveSibling(ARGUMENT_FILE);
	}

	/**
	 * The options as an argument file's content: each one quoted, so that spaces in paths
	 * survive.
	 */
	String argumentFileContent() {
		StringBuilder content = new StringBuilder();
		for (String option : javaOptions()) {
			content.append('"').append(option.replace("\\", "\\\\").replace("\"", "\\\"")).append('"').append('\n');
		}
		return content.toString();
	}

}
