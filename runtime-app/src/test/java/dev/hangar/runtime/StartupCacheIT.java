package dev.hangar.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Startup caches with real processes: the runtime records one for a service once its
 * first instance is ready, and later starts of its instances use it; the launcher under
 * deploy/ starts the runtime itself from one, recording it only the first time. "Uses it"
 * is read from the process's memory map: the JVM mapped the cache file.
 */
class StartupCacheIT {

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The JDK that runs the tests (17: an AppCDS archive) and, where installed, a JDK 25+
	 * (an AOT cache).
	 */
	static Stream<Path> jdks() {
		List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
		VirtualThreadsIT.java21OrLater()
			.filter((home) -> VirtualThreadsIT.featureVersion(home) >= 25)
			.ifPresent(jdks::add);
		return jdks.stream();
	}

	@ParameterizedTest
	@MethodSource("jdks")
	void instancesOfAServiceRestartFromTheCacheTheRuntimeRecordedAfterTheFirstWasReady(Path javaHome,
			@TempDir Path home) throws IOException {
		RuntimeUnderTest runtime = new RuntimeUnderTest(home);
		assertThat(runtime.command("init").exitCode()).isZero();
		try (runtime) {
			runtime.start(javaHome, "HANGAR_RUN_SERVICES", "thumbnails");
			String secret = runtime.secret();
			assertThat(send(runtime, "POST", "/api/instances/thumbnails/c1?waitReady=true&timeout=90s", secret)
				.statusCode()).isEqualTo(201);
			JsonNode first = status(runtime, "c1");
			assertThat(first.path("fromStartupCache").asBoolean()).as(first.toString()).isFalse();

			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> cacheState(runtime, "thumbnails"),
						(state) -> !state.equals("preparing") && !state.isEmpty());
			assertThat(cacheState(runtime, "thumbnails")).as(runtime.process().output()).isEqualTo("ready");

			assertThat(send(runtime, "POST", "/api/instances/thumbnails/c1/restart", secret).statusCode())
				.isEqualTo(200);
			await().atMost(Duration.ofSeconds(90))
				.until(() -> status(runtime, "c1"), (status) -> status.path("ready").asBoolean()
						&& status.path("pid").asLong() != first.path("pid").asLong());
			JsonNode restarted = status(runtime, "c1");
			assertThat(restarted.path("fromStartupCache").asBoolean()).as(restarted.toString()).isTrue();
			assertThat(runtime.command("instance", "status", "thumbnails", "c1").output())
				.contains(", from startup cache");
			assertThat(mappedFiles(restarted.path("pid").asLong())).anyMatch(
					(file) -> file.contains("/startup-cache/") && file.matches(".*/thumbnails/classes\\.(jsa|aot)"));

			URI instance = URI.create("http://127.0.0.1:" + restarted.path("port").asInt());
			byte[] image = RuntimeServerIT.png(200, 200);
			assertThat(Http.post(instance.resolve("/thumbnails?size=50x50"), "image/png", image).statusCode())
				.isEqualTo(200);
			send(runtime, "DELETE", "/api/instances/thumbnails/c1", secret);
		}
	}

	@Test
	void theLauncherStartsTheRuntimeFromItsCacheAndRecordsTheCacheOnlyOnce(@TempDir Path home) throws IOException {
		Path stale = Files.createDirectories(home.resolve("data/startup-cache/0123456789abcdef/app"));
		Map<String, String> environment = HangarProcess.environment(home, "HANGAR_JAR", Jars.runtime().toString(),
				"HANGAR_RUN_SERVICES", "thumbnails", "HANGAR_RUNTIME_PORT", String.valueOf(FreePorts.next()),
				"THUMBNAILS_HTTP_PORT", String.valueOf(FreePorts.next()));
		int port = Integer.parseInt(environment.get("HANGAR_RUNTIME_PORT"));

		String firstOutput;
		try (Launched first = Launched.start(environment, home.resolve("first.log"))) {
			first.awaitReady(port, Duration.ofMinutes(3));
			assertThat(mappedFiles(first.process.pid()))
				.anyMatch((file) -> file.matches(".*/server/classes\\.(jsa|aot)"));
			assertThat(first.terminate()).isZero();
			firstOutput = first.output();
		}
		assertThat(firstOutput).contains("Recording a startup cache for 'server'");
		assertThat(stale).as("a cache of another build of runtime.jar").doesNotExist();

		try (Launched second = Launched.start(environment, home.resolve("second.log"))) {
			second.awaitReady(port, Duration.ofSeconds(90));
			assertThat(mappedFiles(second.process.pid()))
				.anyMatch((file) -> file.matches(".*/server/classes\\.(jsa|aot)"));
			assertThat(second.output()).doesNotContain("Recording a startup cache");
			assertThat(second.terminate()).isZero();
		}

		HangarProcess.Result list = HangarProcess.run(Jars.runtime(), environment, home.resolve("list.log"), "cache",
				"list");
		assertThat(list.output()).containsPattern("server\\s+(AppCDS archive|AOT cache)\\s+\\d+ MiB");
	}

	@Test
	void theLauncherStartsWithoutACacheWhenOneCannotBeRecorded(@TempDir Path home) throws IOException {
		// The data dir is a file: no cache can be written, yet the runtime must still
		// start.
		Files.writeString(home.resolve("not-a-dir"), "");
		Map<String, String> environment = HangarProcess.environment(home, "HANGAR_JAR", Jars.runtime().toString(),
				"HANGAR_RUN_SERVICES", "thumbnails", "HANGAR_RUNTIME_PORT", String.valueOf(FreePorts.next()),
				"THUMBNAILS_HTTP_PORT", String.valueOf(FreePorts.next()), "HANGAR_DATA_DIR",
				home.resolve("not-a-dir/data").toString());
		try (Launched launched = Launched.start(environment, home.resolve("launch.log"))) {
			int code = launched.awaitExit(Duration.ofSeconds(60));
			assertThat(launched.output()).contains("Cannot create the data dir")
				.contains("HANGAR_DATA_DIR")
				.contains("starting without a startup cache");
			assertThat(code).as("the runtime itself refuses the same data dir").isEqualTo(78);
		}
	}

	@Test
	void prepareRefusesAnUnknownName(@TempDir Path home) {
		HangarProcess.Result result = HangarProcess.run(Jars.runtime(), HangarProcess.environment(home),
				home.resolve("prepare.log"), "cache", "prepare", "thumbnail");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("Unknown cache 'thumbnail': use 'server' or a service (")
			.contains("thumbnails");
		assertThat(home.resolve("data/startup-cache")).doesNotExist();
	}

	private String cacheState(RuntimeUnderTest runtime, String service) {
		JsonNode health = this.json.readTree(Http.get(runtime.runtime("/actuator/health")).body());
		return health.path("components")
			.path("instances")
			.path("details")
			.path("startupCaches")
			.path(service)
			.asString("");
	}

	private JsonNode status(RuntimeUnderTest runtime, String name) {
		return this.json.readTree(Http.get(runtime.runtime("/api/instances/thumbnails/" + name)).body());
	}

	private static HttpResponse<String> send(RuntimeUnderTest runtime, String method, String path, String secret) {
		HttpRequest request = HttpRequest.newBuilder(runtime.runtime(path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + secret)
			.build();
		return Http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The files a process has mapped: a JVM maps the cache it starts from. */
	static List<String> mappedFiles(long pid) throws IOException {
		return Files.readAllLines(Path.of("/proc/" + pid + "/maps"))
			.stream()
			.map((line) -> line.replaceFirst("^(\\S+\\s+){5}", "").strip())
			.filter((file) -> file.startsWith("/"))
			.distinct()
			.toList();
	}

	/** deploy/bin/hangar-server as a real process. */
	private record Launched(Process process, Path log) implements AutoCloseable {

		static Launched start(Map<String, String> environment, Path log) throws IOException {
			ProcessBuilder builder = new ProcessBuilder("bash", Jars.launcher().toString()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment()
				.keySet()
				.removeIf((name) -> name.startsWith("HANGAR_") || name.startsWith("THUMBNAILS_")
						|| name.startsWith("JAVA"));
			builder.environment().putAll(environment);
			builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
			return new Launched(builder.start(), log);
		}

		void awaitReady(int port, Duration timeout) {
			await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
				assertThat(this.process.isAlive()).as("launcher alive; its output:\n%s", output()).isTrue();
				return Http.isOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
			});
		}

		int terminate() {
			this.process.destroy();
			return awaitExit(Duration.ofSeconds(60));
		}

		int awaitExit(Duration timeout) {
			await().atMost(timeout).until(() -> !this.process.isAlive());
			return this.process.exitValue();
		}

		String output() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			this.process.destroyForcibly();
		}

	}

}
