package dev.hangar.config;

import java.nio.file.Path;
import java.util.Map;

/** The default home of Hangar's config and data dirs: {@code ~/.hangar}. */
final class HangarHome {

	private HangarHome() {
	}

	static Path of(Map<String, String> environment) {
		String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
		return Path.of(home, ".hangar").toAbsolutePath();
	}

}
