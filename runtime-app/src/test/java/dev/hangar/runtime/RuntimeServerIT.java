package dev.hangar.runtime;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * One runtime with every default service, as a user starts it: one JVM, one PID, a port
 * per service, and one view of their health, metrics and logs. The last test stops it
 * with SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeServerIT {

	private final JsonMapper json = JsonMapper.builder().build();

	RuntimeUnderTest runtime;

	@BeforeAll
	void start(@TempDir Path home) throws IOException {
		this.runtime = new RuntimeUnderTest(home);
		// Lower than HANGAR_HTTP_PORT, so thumbnails must not listen here.
		Files.createDirectories(home.resolve("config"));
		Files.writeString(home.resolve("config/thumbnails.yaml"), "http:\n  port: 1\nmax-width: 300\n");
		this.runtime.start();
	}

	@AfterAll
	void stop() {
		this.runtime.close();
	}

	@Test
	void everyDefaultServiceRunsInTheRuntimesOwnProcess() {
		JsonNode services = get(this.runtime.runtime("/actuator/services"));

		assertThat(services.path("pid").asLong()).isEqualTo(this.runtime.process().pid());
		assertThat(services.path("services")).extracting((node) -> node.path("name").asString())
			.containsExactly("settings", "storage-system", "storage-users", "thumbnails");
		for (JsonNode service : services.path("services")) {
			assertThat(service.path("state").asString()).isEqualTo("RUNNING");
			assertThat(service.path("pid").asLong()).isEqualTo(this.runtime.process().pid());
		}
	}

	@Test
	void versionAndEveryInfoEndpointNameTheSameBuildAndCommit() {
		HangarProcess.Result version = this.runtime.command("version");
		JsonNode runtimeInfo = get(this.runtime.runtime("/actuator/info"));
		String commit = runtimeInfo.path("git").path("commit").path("id").asString();
		String built = runtimeInfo.path("build").path("version").asString();

		assertThat(commit).matches("[0-9a-f]{7,}");
		assertThat(built).isNotBlank();
		assertThat(version.exitCode()).isZero();
		assertThat(version.output()).contains("Hangar " + built, "Commit " + commit, "Built ");
		for (int port : new int[] { this.runtime.thumbnailsPort, this.runtime.settingsPort,
				this.runtime.storageUsersPort, this.runtime.storageSystemPort }) {
			JsonNode info = get(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/info"));
			assertThat(info.path("git").path("commit").path("id").asString()).as("port " + port).isEqualTo(commit);
			assertThat(info.path("build").path("version").asString()).as("port " + port).isEqualTo(built);
		}
	}

	@Test
	void eachServiceIsAReadyEndpointOfTheRuntimesRegistryOnItsPort() {
		JsonNode endpoints = get(this.runtime.runtime("/actuator/services")).path("endpoints");

		assertThat(endpoints)
			.extracting((endpoint) -> endpoint.path("service").asString() + "/" + endpoint.path("id").asString() + " "
					+ endpoint.path("host").asString() + ":" + endpoint.path("port").asInt() + " "
					+ endpoint.path("ready").asBoolean())
			.containsExactly("settings/runtime 127.0.0.1:" + this.runtime.settingsPort + " true",
					"storage-system/runtime 127.0.0.1:" + this.runtime.storageSystemPort + " true",
					"storage-users/runtime 127.0.0.1:" + this.runtime.storageUsersPort + " true",
					"thumbnails/runtime 127.0.0.1:" + this.runtime.thumbnailsPort + " true");
	}

	@Test
	void eachServiceListensOnThePortItsLayersGiveIt() {
		JsonNode services = get(this.runtime.runtime("/actuator/services")).path("services");

		assertThat(service(services, "settings").path("port").asInt()).isEqualTo(this.runtime.settingsPort);
		assertThat(service(services, "thumbnails").path("port").asInt()).isEqualTo(this.runtime.thumbnailsPort);
		assertThat(service(services, "storage-users").path("port").asInt()).isEqualTo(this.runtime.storageUsersPort);
		assertThat(Http.get(this.runtime.thumbnails("/actuator/health")).statusCode()).isEqualTo(200);
		assertThat(Http.get(this.runtime.settings("/actuator/health")).statusCode()).isEqualTo(200);
	}

	@Test
	void independentServicesStartConcurrently() {
		JsonNode services = get(this.runtime.runtime("/actuator/services")).path("services");
		Instant settingsEnd = startedAt(service(services, "settings"));
		Instant settingsBegin = began(service(services, "settings"));
		Instant thumbnailsEnd = startedAt(service(services, "thumbnails"));
		Instant thumbnailsBegin = began(service(services, "thumbnails"));

		assertThat(settingsBegin).isBefore(thumbnailsEnd);
		assertThat(thumbnailsBegin).isBefore(settingsEnd);
	}

	@Test
	void theServicesStartAlongsideTheRuntimesOwnContextNotAfterIt() {
		JsonNode services = get(this.runtime.runtime("/actuator/services")).path("services");
		String managementStarted = this.runtime.process()
			.output()
			.lines()
			.filter((line) -> line
				.matches(".*\\[runtime\\] .*Tomcat started on port " + this.runtime.runtimePort + " .*"))
			.findFirst()
			.orElseThrow();
		Instant managementUp = OffsetDateTime.parse(managementStarted.substring(0, managementStarted.indexOf(' ')))
			.toInstant();

		for (JsonNode service : services) {
			assertThat(began(service)).as(service.path("name").asString()).isBefore(managementUp);
		}
	}

	@Test
	void listPrintsWhatTheLiveRuntimeRuns() {
		HangarProcess.Result list = this.runtime.command("list");

		assertThat(list.exitCode()).isZero();
		long pid = this.runtime.process().pid();
		assertThat(list.output()).containsPattern("SERVICE\\s+STATE\\s+PORT\\s+PID\\s+UPTIME")
			.containsPattern("settings\\s+RUNNING\\s+" + this.runtime.settingsPort + "\\s+" + pid + "\\s+\\d+")
			.containsPattern("thumbnails\\s+RUNNING\\s+" + this.runtime.thumbnailsPort + "\\s+" + pid + "\\s+\\d+");
	}

	@Test
	void healthExitsZeroAndNamesEachServiceWhenAllAreUp() {
		HangarProcess.Result health = this.runtime.command("health");

		assertThat(health.exitCode()).isZero();
		assertThat(health.output()).startsWith("UP").contains("settings: UP").contains("thumbnails: UP");
	}

	@Test
	void theRuntimesHealthHasEachServicesOwnHealthAsAComponent() {
		JsonNode services = get(this.runtime.runtime("/actuator/health")).path("components")
			.path("services")
			.path("components");

		assertThat(services.path("thumbnails").path("status").asString()).isEqualTo("UP");
		assertThat(services.path("thumbnails")
			.path("details")
			.path("components")
			.path("thumbnails")
			.path("status")
			.asString()).isEqualTo("UP");
		assertThat(services.path("settings").path("details").path("components").path("db").path("status").asString())
			.isEqualTo("UP");
		assertThat(Http.get(this.runtime.runtime("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		assertThat(get(this.runtime.runtime("/actuator/health/readiness")).path("components").has("services")).isTrue();
	}

	@Test
	void prometheusShowsEveryServicesMetricsTaggedWithTheService() {
		Http.get(this.runtime.thumbnails("/actuator/health"));
		Http.get(this.runtime.settings("/users/alice/settings"));

		String metrics = Http.get(this.runtime.runtime("/actuator/prometheus")).body();

		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*service=\"thumbnails\"")
			.containsPattern(
					"http_server_requests_seconds_count\\{[^}]*service=\"settings\"[^}]*uri=\"/users/\\{user\\}/settings\"")
			.containsPattern("hikaricp_connections\\{[^}]*service=\"settings\"")
			.containsPattern("jvm_memory_used_bytes\\{[^}]*service=\"runtime\"")
			.containsPattern("process_cpu_usage\\{[^}]*service=\"runtime\"")
			.containsPattern("logback_events_total\\{[^}]*service=\"runtime\"")
			// The process as a whole is reported once, by the runtime, not again by each
			// service.
			.doesNotContainPattern(
					"(jvm|process|system|disk|logback|application|executor)_[a-z_]+\\{[^}]*service=\"(thumbnails|settings|storage-users|storage-system)\"");
		assertThat(metrics.lines().filter((line) -> line.startsWith("# TYPE http_server_requests_seconds ")))
			.hasSize(1);
	}

	@Test
	void aServiceReadsItsOwnFileInsideTheRuntime() {
		HangarProcess.Result config = this.runtime.command("config", "thumbnails");

		assertThat(config.output()).containsPattern("max-width\\s+300\\s+file \\[.*thumbnails.yaml\\] - 3:12")
			.containsPattern("http.port\\s+" + this.runtime.thumbnailsPort
					+ "\\s+System Environment Property \"HANGAR_HTTP_PORT\"");
		byte[] image = png(600, 600);
		assertThat(Http.post(this.runtime.thumbnails("/thumbnails?size=301x301"), "image/png", image).statusCode())
			.isEqualTo(400);
		assertThat(Http.post(this.runtime.thumbnails("/thumbnails?size=300x300"), "image/png", image).statusCode())
			.isEqualTo(200);
	}

	@Test
	void everyLogLineSaysWhichServiceWroteIt() throws IOException {
		String log = this.runtime.process().output();
		assertThat(log).containsPattern("\\[thumbnails\\] .*Tomcat started on port " + this.runtime.thumbnailsPort)
			.containsPattern("\\[settings\\] .*Tomcat started on port " + this.runtime.settingsPort)
			.containsPattern("\\[settings\\] .*HikariPool-1 - Start completed")
			.containsPattern("\\[runtime\\] .*Tomcat started on port " + this.runtime.runtimePort);

		// A malformed request makes Tomcat log from one of the service's own connector
		// threads.
		sendMalformedRequest(this.runtime.thumbnailsPort);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.runtime.process().output())
				.containsPattern("\\[thumbnails\\] \\[[^\\]]*exec[^\\]]*\\] .*Error parsing HTTP request header"));
	}

	@Test
	void theRuntimeCompactsTheHeapOnceAfterEveryServiceHasStarted() {
		String log = this.runtime.process().output();
		// Once for the JVM, by the runtime: services inside it leave it to the runtime.
		assertThat(log.lines().filter((line) -> line.contains("Heap compacted after start-up")).toList()).hasSize(1)
			.allMatch((line) -> line.matches(".*\\[runtime\\] .*MiB committed.*"));
		assertThat(log).containsSubsequence("Started 4 services", "Heap compacted after start-up");
	}

	@Test
	void onJava17RequestsRunOnPlatformThreads() {
		assumeThat(Runtime.version().feature()).isLessThan(21);

		JsonNode thread = get(this.runtime.thumbnails("/actuator/info")).path("hangar").path("requestThread");

		assertThat(thread.path("virtual").asBoolean()).isFalse();
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void sigtermLetsAnInFlightRequestFinishThenExitsZero() throws IOException {
		byte[] image = png(64, 64);
		try (Socket socket = new Socket("127.0.0.1", this.runtime.thumbnailsPort)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /thumbnails?size=16x16 HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
					+ "Content-Length: " + image.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(image, 0, image.length / 2);
			out.flush();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Http.get(this.runtime.runtime("/actuator/prometheus"))
					.body()
					.lines()
					.anyMatch((line) -> line.startsWith("http_server_requests_active_seconds_count{")
							&& line.contains("method=\"POST\"") && line.contains("service=\"thumbnails\"")
							&& line.endsWith(" 1")));

			this.runtime.process().terminate();
			this.runtime.process().awaitOutput("Commencing graceful shutdown", Duration.ofSeconds(20));
			out.write(image, image.length / 2, image.length - image.length / 2);
			out.flush();

			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(response).startsWith("HTTP/1.1 200").contains("Content-Type: image/png");
		}
		assertThat(this.runtime.process().awaitExit(Duration.ofSeconds(60))).isZero();
		assertThat(this.runtime.process().output()).containsPattern("\\[thumbnails\\] .*Graceful shutdown complete");
	}

	private static JsonNode service(JsonNode services, String name) {
		for (JsonNode service : services) {
			if (service.path("name").asString().equals(name)) {
				return service;
			}
		}
		throw new AssertionError("No service " + name + " in " + services);
	}

	/** When a service of the services endpoint was ready. */
	private static Instant startedAt(JsonNode service) {
		return Instant.parse(service.path("startedAt").asString());
	}

	/** When a service of the services endpoint began to start. */
	private static Instant began(JsonNode service) {
		return startedAt(service).minusMillis(service.path("startupMillis").asLong());
	}

	private JsonNode get(java.net.URI uri) {
		return this.json.readTree(Http.get(uri).body());
	}

	/** A request line Tomcat refuses before any filter of the service runs. */
	static void sendMalformedRequest(int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream()
				.write("GET /\u0001bad HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			socket.getInputStream().readAllBytes();
		}
	}

	static byte[] png(int width, int height) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
