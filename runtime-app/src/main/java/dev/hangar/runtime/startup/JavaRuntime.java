package dev.hangar.runtime.startup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The JDK that records a cache and the JVMs that start from it: a cache is only valid for
 * the JDK build that wrote it.
 *
 * @param command the {@code java} launcher
 * @param version the full version, e.g. {@code 17.0.15+6-Debian-1deb12u1}
 * @param feature the feature version, e.g. 17
 * @param home the JDK's home directory
 */
public record JavaRuntime(Path command, String version, int feature, Path home) {

	/** The JDK this JVM runs on. */
	public static JavaRuntime current() {
		Path home = Path.of(System.getProperty("java.home"));
		Path command = ProcessHandle.current()
			.info()
			.command()
			.map(Path::of)
			.orElse(home.resolve("bin").resolve("java"));
		return new JavaRuntime(command, Runtime.version().toString(), Runtime.version().feature(), home);
	}

	public CacheFormat cacheFormat() {
		return CacheFormat.forFeature(this.feature);
	}

	/**
	 * A directory name for this JDK: its version, made safe for a file name, and a digest
	 * of its home, since two vendors' builds can share a version.
	 */
	public String key() {
		String digest = Digests.sha256(this.home.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
		return "jdk-" + this.version.replaceAll("[^A-Za-z0-9.+_-]", "_") + "-" + digest;
	}

}
