package dev.hangar.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service alone in its own process, from its own jar or from the runtime's: the same
 * layered configuration, its own health and metrics, its own PID.
 */
class StandaloneServiceIT {

	@TempDir
	Path home;

	@Test
	void theServiceJarRunsTheServiceAloneWithTheSameLayers() throws IOException {
		int globalPort = FreePorts.next();
		Files.createDirectories(this.home.resolve("config"));
		// HANGAR_HTTP_PORT beats thumbnails.yaml, as inside the runtime.
		Files.writeString(this.home.resolve("config/thumbnails.yaml"), "http:\n  port: 1\nmax-width: 300\n");

		try (HangarProcess thumbnails = HangarProcess.start(Jars.thumbnails(),
				HangarProcess.environment(this.home, "HANGAR_HTTP_PORT", String.valueOf(globalPort)),
				this.home.resolve("thumbnails.log"))) {
			URI base = URI.create("http://127.0.0.1:" + globalPort);
			awaitUp(thumbnails, base);

			assertThat(Http.get(base.resolve("/actuator/health")).body()).contains("\"thumbnails\":{")
				.contains("\"status\":\"UP\"");
			assertThat(Http.get(base.resolve("/actuator/info")).body()).contains("\"mode\":\"standalone\"");
			String metrics = Http.get(base.resolve("/actuator/prometheus")).body();
			assertThat(metrics).containsPattern("jvm_memory_used_bytes\\{[^}]*service=\"thumbnails\"")
				.containsPattern("http_server_requests_seconds_count\\{[^}]*service=\"thumbnails\"");
			byte[] image = RuntimeServerIT.png(600, 600);
			assertThat(Http.post(base.resolve("/thumbnails?size=301x301"), "image/png", image).statusCode())
				.isEqualTo(400);
			assertThat(thumbnails.output()).containsPattern("\\[thumbnails\\] .*Tomcat started on port " + globalPort)
				.containsPattern("\\[thumbnails\\] .*Heap compacted after start-up");
		}
	}

	@Test
	void theServiceVariableBeatsTheGlobalOneAlone() {
		int globalPort = FreePorts.next();
		int ownPort = FreePorts.next();

		try (HangarProcess thumbnails = HangarProcess.start(Jars.thumbnails(), HangarProcess.environment(this.home,
				"HANGAR_HTTP_PORT", String.valueOf(globalPort), "THUMBNAILS_HTTP_PORT", String.valueOf(ownPort)),
				this.home.resolve("thumbnails.log"))) {
			awaitUp(thumbnails, URI.create("http://127.0.0.1:" + ownPort));

			assertThat(FreePorts.isFree(globalPort)).isTrue();
		}
	}

	@Test
	void theRuntimeJarRunsOneServiceAloneInItsOwnProcess() {
		int port = FreePorts.next();

		try (HangarProcess settings = HangarProcess.start(Jars.runtime(),
				HangarProcess.environment(this.home, "SETTINGS_HTTP_PORT", String.valueOf(port)),
				this.home.resolve("settings.log"), "settings", "server", "--max-value-size=2KB")) {
			URI base = URI.create("http://127.0.0.1:" + port);
			awaitUp(settings, base);

			assertThat(Http
				.put(base.resolve("/users/alice/settings/a"), "application/json", "\"" + "x".repeat(3000) + "\"")
				.statusCode()).isEqualTo(413);
			assertThat(Http.get(base.resolve("/actuator/health")).body()).contains("\"db\":{");
			assertThat(settings.output()).contains("with PID " + settings.pid());
		}
	}

	@Test
	void eachServiceJarAnswersHelpWithoutStartingAnything() {
		HangarProcess.Result storage = HangarProcess.run(Jars.storage(), HangarProcess.environment(this.home),
				this.home.resolve("storage-help.log"), "--help");
		HangarProcess.Result thumbnails = HangarProcess.run(Jars.thumbnails(), HangarProcess.environment(this.home),
				this.home.resolve("thumbnails-help.log"), "server", "--help");

		assertThat(storage.exitCode()).as(storage.output()).isZero();
		assertThat(storage.output()).startsWith("Usage: storage.jar").contains("storage-users", "storage-system");
		assertThat(thumbnails.exitCode()).as(thumbnails.output()).isZero();
		assertThat(thumbnails.output()).startsWith("Usage: thumbnails server").doesNotContain("Unknown");
	}

	@Test
	void sigtermStopsAStandaloneServiceWithExitZero() {
		int port = FreePorts.next();
		try (HangarProcess thumbnails = HangarProcess.start(Jars.thumbnails(),
				HangarProcess.environment(this.home, "THUMBNAILS_HTTP_PORT", String.valueOf(port)),
				this.home.resolve("thumbnails.log"))) {
			awaitUp(thumbnails, URI.create("http://127.0.0.1:" + port));

			thumbnails.terminate();

			assertThat(thumbnails.awaitExit(Duration.ofSeconds(30))).isZero();
		}
	}

	private static void awaitUp(HangarProcess process, URI base) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!process.isAlive()) {
				throw new AssertionError("Exited early:\n" + process.output());
			}
			return Http.isOk(base.resolve("/actuator/health/readiness"));
		});
	}

}
