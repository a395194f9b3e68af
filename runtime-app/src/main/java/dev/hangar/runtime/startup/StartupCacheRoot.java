package dev.hangar.runtime.startup;

import java.nio.file.Path;

/** Where startup caches live: a directory of the data dir, beside the services' own. */
public final class StartupCacheRoot {

	/** The directory's name in the data dir. */
	public static final String NAME = "startup-cache";

	private StartupCacheRoot() {
	}

	public static Path in(Path dataDir) {
		return dataDir.resolve(NAME);
	}

}
