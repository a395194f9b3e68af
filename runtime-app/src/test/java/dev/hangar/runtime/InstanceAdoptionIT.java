package dev.hangar.runtime;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's own death: instances outlive a runtime killed with SIGKILL and are
 * adopted, never run twice, by the next one; a runtime stopped cleanly stops them and
 * brings them back in their wanted state.
 */
class InstanceAdoptionIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aRuntimeKilledWithSigkillLeavesItsInstancesRunningAndTheNextOneAdoptsThem(@TempDir Path home)
			throws IOException {
		RuntimeUnderTest first = prepare(home);
		long pid;
		try (first) {
			first.start("HANGAR_RUN_SERVICES", "thumbnails");
			create(first, "sleeper", "survivor");
			await().atMost(Duration.ofSeconds(15)).until(() -> status(first, "survivor").path("ready").asBoolean());
			pid = status(first, "survivor").path("pid").asLong();

			first.process().kill();
			first.process().awaitExit(Duration.ofSeconds(10));
		}
		assertThat(ProcessHandle.of(pid)).hasValueSatisfying((process) -> assertThat(process.isAlive()).isTrue());

		RuntimeUnderTest second = new RuntimeUnderTest(home);
		try (second) {
			second.start("HANGAR_RUN_SERVICES", "thumbnails");
			await().atMost(Duration.ofSeconds(15)).until(() -> status(second, "survivor").path("ready").asBoolean());
			JsonNode status = status(second, "survivor");

			assertThat(status.path("pid").asLong()).isEqualTo(pid);
			assertThat(status.path("adopted").asBoolean()).isTrue();
			int port = status.path("port").asInt();
			assertOneSleeperWithPort(port);

			// An adopted instance is supervised like any: killed, it is restarted.
			ProcessHandle.of(pid).orElseThrow().destroyForcibly();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> status(second, "survivor").path("state").asString().equals("up")
						&& status(second, "survivor").path("pid").asLong() != pid);
			assertOneSleeperWithPort(port);
			send(second, "DELETE", "/api/instances/sleeper/survivor");
		}
	}

	@Test
	void aRuntimeStoppedCleanlyStopsItsInstancesAndBringsThemBackAsWanted(@TempDir Path home) throws IOException {
		RuntimeUnderTest first = prepare(home);
		long pid;
		try (first) {
			first.start("HANGAR_RUN_SERVICES", "thumbnails");
			create(first, "sleeper", "wanted-up");
			assertThat(send(first, "POST", "/api/instances/sleeper/wanted-down?down=true").statusCode()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(15)).until(() -> status(first, "wanted-up").path("ready").asBoolean());
			pid = status(first, "wanted-up").path("pid").asLong();

			first.process().terminate();
			assertThat(first.process().awaitExit(Duration.ofSeconds(60))).isZero();
		}
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

		RuntimeUnderTest second = new RuntimeUnderTest(home);
		try (second) {
			second.start("HANGAR_RUN_SERVICES", "thumbnails");
			await().atMost(Duration.ofSeconds(15)).until(() -> status(second, "wanted-up").path("ready").asBoolean());
			assertThat(status(second, "wanted-up").path("adopted").asBoolean()).isFalse();
			assertThat(status(second, "wanted-down").path("state").asString()).isEqualTo("down");
			assertThat(status(second, "wanted-down").path("wanted").asString()).isEqualTo("down");
		}
	}

	@Test
	@Tag("hostile-clients")
	void aCorruptStateFileFailsOnlyItsInstanceAndAFileThatNamesAnotherInstanceStartsNothingTwice(@TempDir Path home)
			throws IOException {
		RuntimeUnderTest first = prepare(home);
		int goodPort;
		int misnamedPort;
		try (first) {
			first.start("HANGAR_RUN_SERVICES", "thumbnails");
			for (String name : java.util.List.of("good", "empty", "truncated", "misnamed")) {
				create(first, "sleeper", name);
			}
			await().atMost(Duration.ofSeconds(15)).until(() -> status(first, "misnamed").path("ready").asBoolean());
			goodPort = status(first, "good").path("port").asInt();
			misnamedPort = status(first, "misnamed").path("port").asInt();
			first.process().terminate();
			assertThat(first.process().awaitExit(Duration.ofSeconds(60))).isZero();
		}
		Path instances = home.resolve("data/instances/sleeper");
		Files.write(instances.resolve("empty/instance.json"), new byte[0]);
		String truncated = Files.readString(instances.resolve("truncated/instance.json"));
		Files.writeString(instances.resolve("truncated/instance.json"), truncated.substring(0, truncated.length() / 2));
		Files.writeString(instances.resolve("misnamed/instance.json"),
				Files.readString(instances.resolve("misnamed/instance.json")).replace("\"misnamed\"", "\"good\""));

		RuntimeUnderTest second = new RuntimeUnderTest(home);
		try (second) {
			second.start("HANGAR_RUN_SERVICES", "thumbnails");
			await().atMost(Duration.ofSeconds(15))
				.until(() -> status(second, "good").path("ready").asBoolean()
						&& status(second, "misnamed").path("ready").asBoolean());

			JsonNode empty = status(second, "empty");
			assertThat(empty.path("state").asString()).isEqualTo("failed");
			assertThat(empty.path("problem").asString()).contains(instances.resolve("empty/instance.json").toString())
				.contains("it is empty")
				.contains("instance delete sleeper empty");
			assertThat(status(second, "truncated").path("problem").asString()).contains("not a valid instance record");
			assertThat(Http.get(second.runtime("/actuator/health")).body()).contains("\"sleeper@empty\":{")
				.contains("it is empty");
			assertThat(second.process().output())
				.contains("Instance sleeper/empty is FAILED: " + instances.resolve("empty/instance.json"));
			assertThat(status(second, "misnamed").path("port").asInt()).isEqualTo(misnamedPort);
			assertThat(Files.readString(instances.resolve("misnamed/instance.json"))).contains("\"name\":\"misnamed\"");
			assertOneSleeperWithPort(goodPort);
			assertOneSleeperWithPort(misnamedPort);

			HttpResponse<String> stillBroken = send(second, "POST", "/api/instances/sleeper/empty/up");
			assertThat(stillBroken.statusCode()).isEqualTo(409);
			assertThat(stillBroken.body()).contains("it is empty");
			Files.writeString(instances.resolve("empty/instance.json"),
					Files.readString(instances.resolve("good/instance.json"))
						.replace("\"good\"", "\"empty\"")
						.replace(String.valueOf(goodPort), "22998"));
			assertThat(send(second, "POST", "/api/instances/sleeper/empty/up").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(15)).until(() -> status(second, "empty").path("ready").asBoolean());
			assertThat(send(second, "DELETE", "/api/instances/sleeper/truncated").statusCode()).isEqualTo(204);
			assertThat(instances.resolve("truncated")).doesNotExist();

			second.process().terminate();
			assertThat(second.process().awaitExit(Duration.ofSeconds(60))).isZero();
		}
		assertThat(sleepersWithPort(goodPort)).isZero();
		assertThat(sleepersWithPort(misnamedPort)).isZero();
		assertThat(sleepersWithPort(22998)).isZero();
	}

	private RuntimeUnderTest prepare(Path home) throws IOException {
		RuntimeUnderTest runtime = new RuntimeUnderTest(home);
		assertThat(runtime.command("init").exitCode()).isZero();
		Files.writeString(home.resolve("config/hangar.yaml"), """
				instances:
				  port-range-start: 22000
				  port-range-end: 22999
				  templates:
				    sleeper:
				      command: ["sh", "-c", "echo started; exec sleep 1{port}"]
				      ready-line: "started"
				""", StandardOpenOption.APPEND);
		return runtime;
	}

	/**
	 * Exactly one process runs the sleeper of the instance with this port. A restarted
	 * instance is up as soon as its shell runs, and the shell becomes the sleeper a
	 * moment later (exec), so wait for one to appear before counting.
	 */
	private static void assertOneSleeperWithPort(int port) {
		await().atMost(Duration.ofSeconds(10)).until(() -> sleepersWithPort(port) >= 1);
		assertThat(sleepersWithPort(port)).isEqualTo(1);
	}

	/**
	 * How many processes run the sleeper of the instance with this port (it sleeps
	 * 1<port> seconds).
	 */
	private static long sleepersWithPort(int port) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.arguments()
				.map((args) -> java.util.List.of(args).contains("1" + port))
				.orElse(false))
			.count();
	}

	private void create(RuntimeUnderTest runtime, String template, String name) {
		assertThat(send(runtime, "POST", "/api/instances/" + template + "/" + name).statusCode()).isEqualTo(201);
	}

	private JsonNode status(RuntimeUnderTest runtime, String name) {
		return this.json.readTree(Http.get(runtime.runtime("/api/instances/sleeper/" + name)).body());
	}

	private HttpResponse<String> send(RuntimeUnderTest runtime, String method, String path) {
		return Http.send(HttpRequest.newBuilder(runtime.runtime(path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + runtime.secret())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
