package dev.hangar.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The jars the build made, as the integration tests find them. */
final class Jars {

	private Jars() {
	}

	static Path runtime() {
		return jar("hangar.runtime.jar");
	}

	static Path thumbnails() {
		return jar("hangar.thumbnails.jar");
	}

	static Path storage() {
		return jar("hangar.storage.jar");
	}

	/**
	 * deploy/bin/hangar-server, the launcher that starts runtime.jar from its startup
	 * cache.
	 */
	static Path launcher() {
		return jar("hangar.launcher");
	}

	private static Path jar(String property) {
		String value = System.getProperty(property);
		if (value == null || !Files.isRegularFile(Path.of(value))) {
			throw new IllegalStateException("System property " + property + " names no jar (" + value
					+ "): run the integration tests with './mvnw verify', which packages the jars first");
		}
		return Path.of(value).toAbsolutePath().normalize();
	}

}
