package dev.hangar.service.test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hangar.config.ConfigDirectory;
import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.service.RunningService;
import dev.hangar.service.ServiceApplication;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.ServiceMode;

/**
 * A service started in the test's JVM through the same {@link ServiceApplication} the
 * launcher uses, on a free port, with its config and data dirs under a temporary
 * directory.
 */
public final class ServiceUnderTest implements AutoCloseable {

	private final RunningService running;

	private ServiceUnderTest(RunningService running) {
		this.running = running;
	}

	/**
	 * @param home a temporary directory: {@code config/} and {@code data/} go there
	 * @param arguments further {@code --key=value} configuration
	 */
	public static ServiceUnderTest start(ServiceDefinition definition, Path home, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--http.port=0", "--data-dir=" + home.resolve("data")));
		args.addAll(List.of(arguments));
		ConfigInputs inputs = new ConfigInputs(new ConfigDirectory(home.resolve("config"), "test"),
				Map.of("HOME", home.toString()), args);
		KnownKeys knownKeys = KnownKeys.fromClasspath(ServiceUnderTest.class.getClassLoader());
		return new ServiceUnderTest(
				new ServiceApplication(definition, new ConfigLayers(inputs), knownKeys, ServiceMode.EMBEDDED).start());
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.running.port() + path);
	}

	public RunningService running() {
		return this.running;
	}

	@Override
	public void close() {
		this.running.context().close();
	}

}
