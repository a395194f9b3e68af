package dev.hangar.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.runtime.server.RuntimeConfiguration;
import dev.hangar.runtime.startup.ApplicationLayout;
import dev.hangar.runtime.startup.JavaRuntime;
import dev.hangar.runtime.startup.StartupCacheException;
import dev.hangar.runtime.startup.StartupCacheRoot;
import dev.hangar.runtime.startup.StartupCaches;
import dev.hangar.service.DataDirectory;

/**
 * The startup caches of the runtime.jar and JDK this command runs on, in the configured
 * data dir.
 */
final class CacheLocation {

	private CacheLocation() {
	}

	static StartupCaches of(List<String> configuration, Duration timeout) {
		ConfigLayers layers = new ConfigLayers(ConfigInputs.ofProcess(configuration));
		Path dataDir = DataDirectory.prepare(new RuntimeConfiguration(layers).layers());
		Path jar = ApplicationLayout.runningJar();
		if (!Files.isRegularFile(jar)) {
			throw new StartupCacheException("Startup caches are made for runtime.jar; this runs from " + jar
					+ ". Run 'java -jar runtime.jar cache ...'.");
		}
		return new StartupCaches(StartupCacheRoot.in(dataDir), ApplicationLayout.of(jar), JavaRuntime.current(),
				timeout);
	}

}
