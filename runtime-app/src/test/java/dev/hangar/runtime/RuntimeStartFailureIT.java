package dev.hangar.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration the runtime cannot work with stops it before or while it starts, with a
 * message that names the key, the value, where it was set and what is allowed, and a
 * non-zero exit. No half-started runtime stays up: the process ends.
 */
class RuntimeStartFailureIT {

	private static final int EX_CONFIG = 78;

	@TempDir
	Path home;

	@Test
	void malformedYamlNamesTheFileAndLine() throws IOException {
		writeConfig("hangar.yaml", "http:\n  port: 1\n thumbnails: [\n");

		HangarProcess.Result result = server();

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains("Malformed YAML at " + this.home.resolve("config/hangar.yaml") + ":3:2");
	}

	@Test
	void aTypoInAServiceSectionIsRefusedWithASuggestion() throws IOException {
		writeConfig("hangar.yaml", "thumbnails:\n  max-widht: 5\n");

		HangarProcess.Result result = server();

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output())
			.contains("'thumbnails.max-widht' in file [" + this.home.resolve("config/hangar.yaml") + "] - 2:14")
			.contains("Did you mean 'max-width'?");
	}

	@Test
	void aValueOutOfRangeNamesTheKeyValueOriginAndLimit() throws IOException {
		writeConfig("thumbnails.yaml", "max-width: 99999\n");

		HangarProcess.Result result = server();

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains("max-width = \"99999\" (from file ["
				+ this.home.resolve("config/thumbnails.yaml") + "] - 1:12): must be less than or equal to 8192");
		assertThat(result.output()).contains("Service 'thumbnails' failed to start");
	}

	@Test
	void aValueOfTheWrongTypeNamesTheVariableItCameFrom() {
		HangarProcess.Result result = server("SETTINGS_MAX_SETTINGS_PER_USER", "many");

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains(
				"max-settings-per-user = \"many\" (from System Environment Property \"SETTINGS_MAX_SETTINGS_PER_USER\"): not a valid int");
	}

	@Test
	void aSectionForNoKnownServiceIsRefused() throws IOException {
		writeConfig("hangar.yaml", "thumbnail:\n  max-width: 5\n");

		HangarProcess.Result result = server();

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains("Section 'thumbnail'")
			.contains("Known services: " + RuntimeUnderTest.KNOWN_SERVICES);
	}

	@Test
	void anUnknownServiceInTheSelectionListsTheKnownOnes() {
		HangarProcess.Result result = server("HANGAR_RUN_SERVICES", "thumbnails, storage");

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains(
				"Unknown service 'storage' in run-services (from System Environment Property \"HANGAR_RUN_SERVICES\")")
			.contains("Known services: " + RuntimeUnderTest.KNOWN_SERVICES);
	}

	@Test
	void anEmptySelectionIsRefused() {
		HangarProcess.Result result = server("HANGAR_EXCLUDE_RUN_SERVICES",
				"settings,thumbnails,storage-users,storage-system");

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains("No service is selected");
	}

	@Test
	void aServiceWhosePortIsTakenStopsTheWholeRuntime() throws IOException {
		int runtimePort = FreePorts.next();
		int settingsPort = FreePorts.next();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			HangarProcess.Result result = server("HANGAR_RUNTIME_PORT", String.valueOf(runtimePort),
					"THUMBNAILS_HTTP_PORT", String.valueOf(taken.getLocalPort()), "SETTINGS_HTTP_PORT",
					String.valueOf(settingsPort), "HANGAR_RUN_SERVICES", "settings,thumbnails");

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.output())
				.contains("Service 'thumbnails' failed to start: Port " + taken.getLocalPort() + " is already in use")
				.containsPattern("\\[thumbnails\\] .*APPLICATION FAILED TO START|\\[thumbnails\\][\\s\\S]*Port "
						+ taken.getLocalPort() + " was already in use");
		}
		// The process has exited, so nothing of it listens any more.
		assertThat(FreePorts.isFree(runtimePort)).isTrue();
		assertThat(FreePorts.isFree(settingsPort)).isTrue();
	}

	@Test
	void aTakenManagementPortIsNamedAndNothingOfTheRuntimeStaysUp() throws IOException {
		int thumbnailsPort = FreePorts.next();
		int settingsPort = FreePorts.next();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			HangarProcess.Result result = server("HANGAR_RUNTIME_PORT", String.valueOf(taken.getLocalPort()),
					"THUMBNAILS_HTTP_PORT", String.valueOf(thumbnailsPort), "SETTINGS_HTTP_PORT",
					String.valueOf(settingsPort), "HANGAR_RUN_SERVICES", "settings,thumbnails");

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.output()).contains("Port " + taken.getLocalPort() + " was already in use");
		}
		// The services began alongside the runtime's own context; the process has exited,
		// so none listens any more.
		assertThat(FreePorts.isFree(thumbnailsPort)).isTrue();
		assertThat(FreePorts.isFree(settingsPort)).isTrue();
	}

	@Test
	void anInvalidDataDirIsRefusedAtStart() throws IOException {
		Path file = Files.writeString(this.home.resolve("not-a-dir"), "x");

		HangarProcess.Result result = server("HANGAR_DATA_DIR", file.toString());

		assertThat(result.exitCode()).isEqualTo(EX_CONFIG);
		assertThat(result.output()).contains("Cannot create the data dir " + file
				+ " (data-dir, from System Environment Property \"HANGAR_DATA_DIR\")");
	}

	/**
	 * A database that accepts connections and never answers holds the settings service's
	 * start (and so the runtime's) for as long as it likes: SIGTERM still stops the
	 * runtime, which says so and exits 0, with no stack trace and nothing left listening.
	 */
	@Test
	@Tag("hostile-clients")
	void aSigtermWhileStartingStopsTheRuntimeSaysSoAndExitsZero() throws IOException {
		try (ServerSocket silentDatabase = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int runtimePort = FreePorts.next();
			int thumbnailsPort = FreePorts.next();
			Map<String, String> env = HangarProcess.environment(this.home, "HANGAR_RUNTIME_PORT",
					String.valueOf(runtimePort), "THUMBNAILS_HTTP_PORT", String.valueOf(thumbnailsPort),
					"SETTINGS_HTTP_PORT", String.valueOf(FreePorts.next()), "HANGAR_RUN_SERVICES",
					"thumbnails,settings", "SETTINGS_SPRING_DATASOURCE_URL",
					"jdbc:postgresql://127.0.0.1:" + silentDatabase.getLocalPort() + "/hangar");
			try (HangarProcess runtime = HangarProcess.start(Jars.runtime(), env, this.home.resolve("server.log"),
					"server")) {
				runtime.awaitOutput("Tomcat started on port " + thumbnailsPort, java.time.Duration.ofSeconds(60));
				assertThat(runtime.output()).doesNotContain("Started HangarMain");

				runtime.terminate();

				assertThat(runtime.awaitExit(java.time.Duration.ofSeconds(30))).isZero();
				assertThat(runtime.output()).contains("Stopped by SIGTERM while starting").doesNotContain("Exception");
			}
			assertThat(FreePorts.isFree(runtimePort)).isTrue();
			assertThat(FreePorts.isFree(thumbnailsPort)).isTrue();
		}
	}

	private void writeConfig(String name, String content) throws IOException {
		Files.createDirectories(this.home.resolve("config"));
		Files.writeString(this.home.resolve("config").resolve(name), content);
	}

	private HangarProcess.Result server(String... environment) {
		Map<String, String> env = HangarProcess.environment(this.home, "HANGAR_RUNTIME_PORT",
				String.valueOf(FreePorts.next()), "THUMBNAILS_HTTP_PORT", String.valueOf(FreePorts.next()),
				"SETTINGS_HTTP_PORT", String.valueOf(FreePorts.next()), "STORAGE_USERS_HTTP_PORT",
				String.valueOf(FreePorts.next()), "STORAGE_SYSTEM_HTTP_PORT", String.valueOf(FreePorts.next()));
		for (int i = 0; i < environment.length; i += 2) {
			env.put(environment[i], environment[i + 1]);
		}
		return HangarProcess.run(Jars.runtime(), env, this.home.resolve("server.log"), "server");
	}

}
