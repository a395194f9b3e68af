package dev.hangar.runtime.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.config.ConfigDirectory;
import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.test.FreePorts;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The runtime in this JVM, as an embedding program would start it: the services begin to
 * start alongside the runtime's own context, so a runtime that fails must close them
 * itself.
 */
class RuntimeServerTest {

	@TempDir
	Path home;

	@Test
	void whenTheRuntimesOwnContextFailsTheServicesThatBeganAreClosed() throws IOException {
		int thumbnailsPort = FreePorts.next();
		int settingsPort = FreePorts.next();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			RuntimeServer server = server(Map.of("HANGAR_RUNTIME_PORT", String.valueOf(taken.getLocalPort()),
					"THUMBNAILS_HTTP_PORT", String.valueOf(thumbnailsPort), "SETTINGS_HTTP_PORT",
					String.valueOf(settingsPort), "HANGAR_RUN_SERVICES", "settings,thumbnails"));

			assertThatException().isThrownBy(server::start)
				.withStackTraceContaining("Port " + taken.getLocalPort() + " is already in use");
		}
		// A service left running would bind its port within this time, having begun
		// before the failure.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> FreePorts.isFree(thumbnailsPort) && FreePorts.isFree(settingsPort));
	}

	private RuntimeServer server(Map<String, String> variables) {
		Map<String, String> environment = new HashMap<>(variables);
		environment.put(ConfigDirectory.VARIABLE, this.home.resolve("config").toString());
		environment.put("HANGAR_DATA_DIR", this.home.resolve("data").toString());
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(ConfigDirectory.resolve(environment), environment, List.of()));
		ClassLoader classLoader = getClass().getClassLoader();
		return new RuntimeServer(layers, ServiceCatalog.load(classLoader, layers),
				KnownKeys.fromClasspath(classLoader));
	}

}
