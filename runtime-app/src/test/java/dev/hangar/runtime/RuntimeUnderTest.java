package dev.hangar.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.awaitility.Awaitility.await;

/**
 * {@code runtime.jar server} as a real process, on free ports, with its config and data
 * dirs under a temporary directory. Ready when its readiness group answers 200: every
 * service runs.
 */
final class RuntimeUnderTest implements AutoCloseable {

	final Path home;

	final int runtimePort = FreePorts.next();

	final int thumbnailsPort = FreePorts.next();

	final int settingsPort = FreePorts.next();

	final int storageUsersPort = FreePorts.next();

	final int storageSystemPort = FreePorts.next();

	/** Every default service, as the runtime lists them. */
	static final String KNOWN_SERVICES = "settings, storage-system, storage-users, thumbnails";

	private HangarProcess process;

	private String thumbnailsPortVariable = "HANGAR_HTTP_PORT";

	RuntimeUnderTest(Path home) {
		this.home = home;
	}

	/**
	 * The environment of this runtime, for it and for the commands that talk to it. The
	 * ports come from two layers on purpose: thumbnails takes the global
	 * HANGAR_HTTP_PORT, settings its own SETTINGS_HTTP_PORT, which beats the global one.
	 */
	Map<String, String> environment(String... more) {
		List<String> pairs = new ArrayList<>(List.of("HANGAR_RUNTIME_PORT", String.valueOf(this.runtimePort),
				this.thumbnailsPortVariable, String.valueOf(this.thumbnailsPort), "SETTINGS_HTTP_PORT",
				String.valueOf(this.settingsPort), "STORAGE_USERS_HTTP_PORT", String.valueOf(this.storageUsersPort),
				"STORAGE_SYSTEM_HTTP_PORT", String.valueOf(this.storageSystemPort)));
		pairs.addAll(List.of(more));
		return HangarProcess.environment(this.home, pairs.toArray(String[]::new));
	}

	/**
	 * Gives thumbnails its port through THUMBNAILS_HTTP_PORT rather than the global
	 * variable, which would beat the port of any service configured in a file.
	 */
	RuntimeUnderTest thumbnailsPortFromItsOwnVariable() {
		this.thumbnailsPortVariable = "THUMBNAILS_HTTP_PORT";
		return this;
	}

	RuntimeUnderTest start(Path javaHome, String... environment) {
		this.process = HangarProcess.start(javaHome, Jars.runtime(), environment(environment),
				this.home.resolve("runtime.log"), "server");
		awaitReady();
		return this;
	}

	RuntimeUnderTest start(String... environment) {
		return start(Path.of(System.getProperty("java.home")), environment);
	}

	void awaitReady() {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new AssertionError("The runtime exited with " + this.process.awaitExit(Duration.ofSeconds(1))
						+ ":\n" + this.process.output());
			}
			return Http.isOk(runtime("/actuator/health/readiness"));
		});
	}

	HangarProcess process() {
		return this.process;
	}

	URI runtime(String path) {
		return URI.create("http://127.0.0.1:" + this.runtimePort + path);
	}

	URI thumbnails(String path) {
		return URI.create("http://127.0.0.1:" + this.thumbnailsPort + path);
	}

	URI storageUsers(String path) {
		return URI.create("http://127.0.0.1:" + this.storageUsersPort + path);
	}

	URI settings(String path) {
		return URI.create("http://127.0.0.1:" + this.settingsPort + path);
	}

	/** The secret that {@code runtime.jar init} wrote into this runtime's hangar.yaml. */
	String secret() {
		try {
			String yaml = java.nio.file.Files.readString(this.home.resolve("config/hangar.yaml"));
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("secret: (\\S+)").matcher(yaml);
			if (!matcher.find()) {
				throw new AssertionError("No secret in hangar.yaml:\n" + yaml);
			}
			return matcher.group(1);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Runs another {@code runtime.jar} command against this runtime. */
	HangarProcess.Result command(String... args) {
		return HangarProcess.run(Jars.runtime(), environment(), this.home.resolve("command-" + args[0] + ".log"), args);
	}

	/**
	 * Stops the runtime as an operator would, with SIGTERM, so that it stops its
	 * instances too: a runtime killed with SIGKILL leaves them running, on purpose.
	 * SIGKILL only if it hangs.
	 */
	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.terminate();
			try {
				this.process.awaitExit(java.time.Duration.ofSeconds(60));
			}
			catch (AssertionError ex) {
				// Still running: close() below kills it.
			}
		}
		if (this.process != null) {
			this.process.close();
		}
	}

}
