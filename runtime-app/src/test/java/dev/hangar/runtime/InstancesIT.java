package dev.hangar.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dynamic instances with real processes, against one live runtime: the operations and
 * their refusals, restarts, backoff to FAILED, many instances, a service instance with
 * its own layer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstancesIT {

	private final JsonMapper json = JsonMapper.builder().build();

	private RuntimeUnderTest runtime;

	private String secret;

	private final int t2Port = dev.hangar.service.test.FreePorts.next();

	@BeforeAll
	void start(@TempDir Path home) throws IOException {
		this.runtime = new RuntimeUnderTest(home);
		assertThat(this.runtime.command("init").exitCode()).isZero();
		Files.writeString(home.resolve("config/hangar.yaml"), """
				instances:
				  # StartupCacheIT covers the caches; here a training run would only compete for the CPU.
				  startup-cache:
				    enabled: false
				  port-range-start: 21000
				  port-range-end: 21999
				  backoff-initial: 50ms
				  max-quick-failures: 3
				  log-max-size: 64KB
				  templates:
				    chatter:
				      command: ["sh", "-c", "head -c 200000 /dev/zero | tr '\\\\000' x; echo; exec sleep 600"]
				    sleeper:
				      command: ["sh", "-c", "echo started {name} on port {port}; exec sleep 600"]
				      ready-line: "started"
				    ticker:
				      command: ["sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.1; done"]
				    crasher:
				      command: ["sh", "-c", "echo crashing; exit 3"]
				      # Never ready: without a signal an instance is ready once started, which races its exit.
				      ready-line: "ready"
				    mute:
				      command: ["sh", "-c", "exec sleep 600"]
				      ready-line: "never printed"
				""", java.nio.file.StandardOpenOption.APPEND);
		Files.writeString(home.resolve("config/thumbnails@t2.yaml"),
				"max-width: 300\nhttp:\n  port: " + this.t2Port + "\n");
		this.runtime.start("HANGAR_RUN_SERVICES", "thumbnails");
		this.secret = this.runtime.secret();
	}

	@AfterAll
	void stop() {
		this.runtime.close();
	}

	@Test
	void createStatusControlAndDeleteAnInstanceFromTheCommandLine() {
		HangarProcess.Result created = this.runtime.command("instance", "create", "sleeper", "life", "--wait-ready");
		assertThat(created.exitCode()).as(created.output()).isZero();
		assertThat(created.output()).contains("sleeper@life: up (pid").contains("ready, wanted up");

		assertThat(this.runtime.command("instance", "control", "sleeper", "life", "down").output())
			.contains("wanted down");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> status("sleeper", "life").path("state").asString().equals("down"));
		assertThat(this.runtime.command("instance", "control", "sleeper", "life", "up").exitCode()).isZero();
		await().atMost(Duration.ofSeconds(15)).until(() -> status("sleeper", "life").path("ready").asBoolean());
		assertThat(this.runtime.command("instance", "list", "sleeper").output())
			.containsPattern("sleeper@life\\s+up\\s+up\\s+yes");
		assertThat(this.runtime.command("instance", "logs", "sleeper", "life").output())
			.contains("started life on port 21");

		HangarProcess.Result deleted = this.runtime.command("instance", "delete", "sleeper", "life");
		assertThat(deleted.exitCode()).isZero();
		assertThat(this.runtime.command("instance", "status", "sleeper", "life").exitCode()).isEqualTo(1);
		assertThat(this.runtime.home.resolve("data/instances/sleeper/life")).doesNotExist();
	}

	@Test
	void aReadyInstanceIsAnEndpointOfItsServiceUntilItIsSetDown() {
		create("sleeper", "listed");
		await().atMost(Duration.ofSeconds(15)).until(() -> status("sleeper", "listed").path("ready").asBoolean());
		int port = status("sleeper", "listed").path("port").asInt();

		assertThat(endpoints()).contains("sleeper/listed 127.0.0.1:" + port + " ready");
		assertThat(this.runtime.command("list").output())
			.containsPattern("sleeper\\s+listed\\s+127.0.0.1:" + port + "\\s+yes");
		assertThat(endpoints()).contains("thumbnails/runtime 127.0.0.1:" + this.runtime.thumbnailsPort + " ready");

		assertThat(this.runtime.command("instance", "control", "sleeper", "listed", "down").exitCode()).isZero();
		assertThat(endpoints()).noneMatch((endpoint) -> endpoint.startsWith("sleeper/listed "));
		send("DELETE", "/api/instances/sleeper/listed", this.secret);
	}

	@Test
	void anInstanceKilledWithSigkillIsRestarted() {
		create("sleeper", "phoenix");
		await().atMost(Duration.ofSeconds(15)).until(() -> status("sleeper", "phoenix").path("ready").asBoolean());
		long pid = status("sleeper", "phoenix").path("pid").asLong();

		ProcessHandle.of(pid).orElseThrow().destroyForcibly();

		await().atMost(Duration.ofSeconds(15))
			.until(() -> status("sleeper", "phoenix").path("restarts").asInt() == 1
					&& status("sleeper", "phoenix").path("state").asString().equals("up"));
		JsonNode status = status("sleeper", "phoenix");
		assertThat(status.path("pid").asLong()).isNotEqualTo(pid);
		assertThat(status.path("lastExit").asString()).isEqualTo("signal 9 (SIGKILL)");
	}

	@Test
	void aCrashLoopBacksOffAndEndsFailedUntilAnOperatorActs() {
		create("crasher", "loop");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> status("crasher", "loop").path("state").asString().equals("failed"));
		JsonNode status = status("crasher", "loop");
		assertThat(status.path("lastExit").asString()).isEqualTo("exit 3");
		assertThat(status.path("restarts").asInt()).isEqualTo(2);
		JsonNode instances = this.json.readTree(Http.get(this.runtime.runtime("/actuator/health")).body())
			.path("components")
			.path("instances");
		assertThat(instances.path("status").asString()).isEqualTo("DOWN");
		assertThat(instances.path("details").path("crasher@loop").path("state").asString()).isEqualTo("failed");
		assertThat(this.runtime.command("health").exitCode()).isEqualTo(1);

		send("DELETE", "/api/instances/crasher/loop", this.secret);
		assertThat(this.runtime.command("health").exitCode()).isZero();
	}

	@Test
	void aServiceInstanceRunsTheServiceWithItsOwnLayerAndPort() {
		HangarProcess.Result created = this.runtime.command("instance", "create", "thumbnails", "t2", "--wait-ready",
				"--timeout", "60s");
		assertThat(created.exitCode()).as(created.output()).isZero();
		JsonNode status = status("thumbnails", "t2");
		int port = status.path("port").asInt();
		assertThat(port).isEqualTo(this.t2Port);
		URI instance = URI.create("http://127.0.0.1:" + port);
		byte[] image = RuntimeServerIT.png(600, 600);

		assertThat(Http.post(instance.resolve("/thumbnails?size=301x301"), "image/png", image).statusCode())
			.isEqualTo(400);
		assertThat(Http.post(instance.resolve("/thumbnails?size=300x300"), "image/png", image).statusCode())
			.isEqualTo(200);
		assertThat(Http.get(instance.resolve("/actuator/info")).body()).contains("\"mode\":\"standalone\"");
		assertThat(status.path("pid").asLong()).isNotEqualTo(this.runtime.process().pid());
		send("DELETE", "/api/instances/thumbnails/t2", this.secret);
	}

	@Test
	void anInstancesLogStaysWithinItsBound() throws IOException {
		create("chatter", "loud");
		Path log = this.runtime.home.resolve("data/instances/chatter/loud/output.log");

		await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(log.resolveSibling("output.log.1")));
		await().atMost(Duration.ofSeconds(15)).until(() -> Files.size(log) <= 64 * 1024);
		assertThat(Files.size(log.resolveSibling("output.log.1"))).isGreaterThan(32 * 1024);
		assertThat(this.runtime.command("list").output()).containsPattern("chatter@loud\\s+UP");
		send("DELETE", "/api/instances/chatter/loud", this.secret);
	}

	@Test
	void logsFollowPrintsWhatAnInstanceWritesUntilItIsDeleted() {
		create("ticker", "clock");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.runtime.command("instance", "logs", "ticker", "clock").output().contains("tick 3"));

		try (HangarProcess follow = HangarProcess.start(Jars.runtime(), this.runtime.environment(),
				this.runtime.home.resolve("follow.log"), "instance", "logs", "ticker", "clock", "--follow", "--lines",
				"1")) {
			follow.awaitOutput("tick ", Duration.ofSeconds(15));
			String first = follow.output();
			int seen = Integer
				.parseInt(first.substring(first.indexOf("tick ") + 5).lines().findFirst().orElseThrow().strip());
			follow.awaitOutput("tick " + (seen + 20), Duration.ofSeconds(20));

			send("DELETE", "/api/instances/ticker/clock", this.secret);

			assertThat(follow.awaitExit(Duration.ofSeconds(15))).isZero();
		}
	}

	@Test
	void twoHundredInstancesAreCreatedListedAndDeleted() throws IOException {
		for (int i = 0; i < 200; i++) {
			assertThat(send("POST", "/api/instances/sleeper/many-" + i, this.secret).statusCode()).isEqualTo(201);
		}
		JsonNode all = this.json.readTree(Http.get(this.runtime.runtime("/api/instances?template=sleeper")).body());
		List<String> names = new java.util.ArrayList<>();
		java.util.Set<Integer> ports = new java.util.HashSet<>();
		for (JsonNode status : all) {
			if (status.path("name").asString().startsWith("many-")) {
				names.add(status.path("name").asString());
				ports.add(status.path("port").asInt());
			}
		}
		assertThat(names).hasSize(200);
		assertThat(ports).hasSize(200);
		for (int i = 0; i < 200; i++) {
			assertThat(send("DELETE", "/api/instances/sleeper/many-" + i, this.secret).statusCode()).isEqualTo(204);
		}
		try (var left = Files.list(this.runtime.home.resolve("data/instances/sleeper"))) {
			assertThat(left.filter((dir) -> dir.getFileName().toString().startsWith("many-"))).isEmpty();
		}
	}

	@ParameterizedTest(name = "refuses the name ''{0}''")
	@ValueSource(strings = { "..", "a..b", "UPPER", "with space", "-dash", "dash-",
			"x123456789012345678901234567890123", "a_b", "%2e%2e", "a;id" })
	@Tag("hostile-clients")
	void refusesNamesOutsideThePatternBeforeTouchingAFile(String name) throws IOException {
		List<Path> before = instanceFiles();

		HttpResponse<String> response = send("POST", "/api/instances/sleeper/" + name.replace(" ", "%20"), this.secret);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(instanceFiles()).isEqualTo(before);
		HangarProcess.Result cli = this.runtime.command("instance", "create", "sleeper", "--", name);
		assertThat(cli.exitCode()).isEqualTo(2);
		assertThat(cli.output()).contains("Invalid instance name");
	}

	@Test
	void refusesARuntimeOnlyServiceAnUnknownTemplateAnExistingNameAndAnUnknownInstance() {
		assertThat(send("POST", "/api/instances/settings/s1", this.secret).body())
			.contains("runtime-only and cannot be instantiated");
		assertThat(send("POST", "/api/instances/settings/s1", this.secret).statusCode()).isEqualTo(400);
		assertThat(send("POST", "/api/instances/nothing/n1", this.secret).statusCode()).isEqualTo(404);
		HttpResponse<String> badTimeout = send("POST", "/api/instances/sleeper/patient?waitReady=true&timeout=soon",
				this.secret);
		assertThat(badTimeout.statusCode()).isEqualTo(400);
		assertThat(badTimeout.body()).contains("timeout=soon is not a duration");
		assertThat(this.runtime.home.resolve("data/instances/sleeper/patient")).doesNotExist();
		create("sleeper", "twice");
		assertThat(send("POST", "/api/instances/sleeper/twice", this.secret).statusCode()).isEqualTo(409);
		assertThat(send("DELETE", "/api/instances/sleeper/never", this.secret).statusCode()).isEqualTo(404);
		assertThat(this.runtime.command("instance", "delete", "sleeper", "never").exitCode()).isEqualTo(1);
		send("DELETE", "/api/instances/sleeper/twice", this.secret);
	}

	@Test
	void waitReadyAnswers503AsSoonAsTheInstanceFailsBeforeItIsReady() {
		long started = System.nanoTime();
		// The crash loop takes well under a second; a wait that missed the failure would
		// sit out the 50 s.
		HttpResponse<String> response = send("POST", "/api/instances/crasher/doomed?waitReady=true&timeout=50s",
				this.secret);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.body()).contains("crasher/doomed FAILED before it was ready").contains("exit 3");
		assertThat(status("crasher", "doomed").path("state").asString()).isEqualTo("failed");
		send("DELETE", "/api/instances/crasher/doomed", this.secret);
	}

	@Test
	void waitReadyAnswers504WhenTheInstanceIsNotReadyInTime() {
		HttpResponse<String> response = send("POST", "/api/instances/mute/silent?waitReady=true&timeout=1s",
				this.secret);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
		assertThat(response.body()).contains("mute/silent was not ready within 1s (state up)");
		JsonNode status = status("mute", "silent");
		assertThat(status.path("state").asString()).isEqualTo("up");
		assertThat(status.path("ready").asBoolean()).isFalse();
		send("DELETE", "/api/instances/mute/silent", this.secret);
	}

	@Test
	void aMissingOrWrongCredentialIs401AndChangesNothing() {
		assertThat(send("POST", "/api/instances/sleeper/intruder", null).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/instances/sleeper/intruder", "wrong").statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/instances/sleeper/intruder", this.secret + "x").statusCode()).isEqualTo(401);
		assertThat(Http.get(this.runtime.runtime("/api/instances/sleeper/intruder")).statusCode()).isEqualTo(404);
		assertThat(this.runtime.home.resolve("data/instances/sleeper/intruder")).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
			"/actuator/info", "/actuator/prometheus", "/actuator/services", "/api/instances",
			"/api/instances?template=sleeper", "/api/instances/sleeper/nobody" })
	void readsOfStateAreOpenWithoutTheCredential(String path) {
		HttpResponse<String> response = send("GET", path, null);

		assertThat(response.statusCode()).as(response.body()).isIn(200, 404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/instances/sleeper/reader/logs", "/api/instances/sleeper/reader/logs/",
			"/api/instances/sleeper/reader/logs?lines=5", "/api/instances/sleeper/reader/logs?from=0",
			"/api/instances/sleeper/reader;x=1/logs", "/api/instances/sleeper/reader/%6cogs",
			"/api/instances/sleeper/x/../reader/logs", "/actuator/health/../../api/instances/sleeper/reader/logs",
			"/actuator/env", "/actuator/beans", "/actuator/heapdump" })
	@Tag("hostile-clients")
	void aReadThatRevealsMoreThanStateNeedsTheCredential(String path) {
		readerIsUp();

		HttpResponse<String> anonymous = send("GET", path, null);
		HttpResponse<String> wrong = send("GET", path, this.secret + "x");

		assertThat(anonymous.statusCode()).as(anonymous.body()).isIn(400, 401);
		assertThat(anonymous.body()).doesNotContain("started reader");
		assertThat(wrong.statusCode()).as(wrong.body()).isIn(400, 401);
		assertThat(wrong.body()).doesNotContain("started reader");
	}

	@ParameterizedTest(name = "{0} {1}")
	@org.junit.jupiter.params.provider.CsvSource({ "POST,/api/instances/sleeper/intruder",
			"POST,/api/instances/sleeper/reader/down", "POST,/api/instances/sleeper/reader/kill",
			"POST,/api/instances/sleeper/reader/restart", "DELETE,/api/instances/sleeper/reader",
			"PUT,/api/instances/sleeper/reader", "PATCH,/api/instances/sleeper/reader" })
	@Tag("hostile-clients")
	void everyCallThatChangesStateNeedsTheCredentialAndChangesNothingWithout(String method, String path) {
		readerIsUp();
		long pid = status("sleeper", "reader").path("pid").asLong();

		HttpResponse<String> anonymous = send(method, path, null);
		HttpResponse<String> wrong = send(method, path, "not-" + this.secret);

		assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
		assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
		assertThat(status("sleeper", "reader").path("pid").asLong()).isEqualTo(pid);
		assertThat(status("sleeper", "reader").path("ready").asBoolean()).isTrue();
		assertThat(this.runtime.home.resolve("data/instances/sleeper/intruder")).doesNotExist();
	}

	@Test
	void anInstancesLogIsReadWithTheCredential() {
		readerIsUp();

		HttpResponse<String> response = send("GET", "/api/instances/sleeper/reader/logs", this.secret);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("started reader");
	}

	@Test
	void initRefusesToOverwriteAndWithForceKeepsABackupWithMode0600() throws IOException {
		Path config = this.runtime.home.resolve("config/hangar.yaml");
		String before = Files.readString(config);

		assertThat(this.runtime.command("init").exitCode()).isEqualTo(1);
		assertThat(Files.readString(config)).isEqualTo(before);

		HangarProcess.Result forced = this.runtime.command("init", "--force");
		assertThat(forced.exitCode()).isZero();
		assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		try (var backups = Files.list(config.getParent())) {
			Path backup = backups.filter((file) -> file.getFileName().toString().startsWith("hangar.yaml.backup-"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.readString(backup)).isEqualTo(before);
			Files.move(backup, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Test
	void aSecretWrittenByInitIsUsedByTheRunningRuntimeWithoutARestart() throws IOException {
		Path config = this.runtime.home.resolve("config/hangar.yaml");
		Path kept = this.runtime.home.resolve("hangar.yaml.kept");
		Files.copy(config, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		try {
			assertThat(this.runtime.command("init", "--force").exitCode()).isZero();
			String renewed = Files.readString(config)
				.lines()
				.filter((line) -> line.strip().startsWith("secret:"))
				.map((line) -> line.strip().substring("secret:".length()).strip())
				.findFirst()
				.orElseThrow();

			assertThat(renewed).isNotEqualTo(this.secret);
			assertThat(send("POST", "/api/instances/sleeper/renewed", this.secret).statusCode()).isEqualTo(401);
			assertThat(this.runtime.home.resolve("data/instances/sleeper/renewed")).doesNotExist();
			assertThat(send("POST", "/api/instances/sleeper/renewed", renewed).statusCode()).isEqualTo(201);
			assertThat(send("DELETE", "/api/instances/sleeper/renewed", renewed).statusCode()).isEqualTo(204);
		}
		finally {
			Files.move(kept, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			try (var files = Files.list(config.getParent())) {
				for (Path backup : files
					.filter((file) -> file.getFileName().toString().startsWith("hangar.yaml.backup-"))
					.toList()) {
					Files.delete(backup);
				}
			}
		}
		assertThat(send("POST", "/api/instances/sleeper/restored", this.secret).statusCode()).isEqualTo(201);
		send("DELETE", "/api/instances/sleeper/restored", this.secret);
	}

	@Test
	@Tag("hostile-clients")
	void aHangarYamlBrokenWhileTheRuntimeRunsLeavesTheSecretItHadInForce() throws IOException {
		Path config = this.runtime.home.resolve("config/hangar.yaml");
		String before = Files.readString(config);
		try {
			Files.writeString(config, before + "\nruntime: [unclosed\n");

			assertThat(send("POST", "/api/instances/sleeper/broken", "not-" + this.secret).statusCode()).isEqualTo(401);
			assertThat(this.runtime.home.resolve("data/instances/sleeper/broken")).doesNotExist();
			assertThat(send("POST", "/api/instances/sleeper/broken", this.secret).statusCode()).isEqualTo(201);
			assertThat(send("DELETE", "/api/instances/sleeper/broken", this.secret).statusCode()).isEqualTo(204);
		}
		finally {
			Files.writeString(config, before);
		}
		assertThat(this.runtime.process().output()).contains("Cannot read runtime.secret from " + config)
			.contains("keeps the secret it had");
		assertThat(send("POST", "/api/instances/sleeper/restored", this.secret).statusCode()).isEqualTo(201);
		send("DELETE", "/api/instances/sleeper/restored", this.secret);
	}

	private List<Path> instanceFiles() throws IOException {
		Path root = this.runtime.home.resolve("data/instances");
		if (!Files.exists(root)) {
			return List.of();
		}
		try (var files = Files.walk(root, 2)) {
			return files.sorted().toList();
		}
	}

	/** The instance whose log the credential specs read: created once. */
	private void readerIsUp() {
		if (send("GET", "/api/instances/sleeper/reader", null).statusCode() == 404) {
			create("sleeper", "reader");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> status("sleeper", "reader").path("ready").asBoolean());
	}

	private void create(String template, String name) {
		HttpResponse<String> response = send("POST", "/api/instances/" + template + "/" + name, this.secret);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	/** The registry's endpoints as "service/id host:port ready". */
	private List<String> endpoints() {
		JsonNode services = this.json.readTree(Http.get(this.runtime.runtime("/actuator/services")).body());
		List<String> endpoints = new java.util.ArrayList<>();
		for (JsonNode endpoint : services.path("endpoints")) {
			endpoints.add(endpoint.path("service").asString() + "/" + endpoint.path("id").asString() + " "
					+ endpoint.path("host").asString() + ":" + endpoint.path("port").asInt() + " "
					+ (endpoint.path("ready").asBoolean() ? "ready" : "not ready"));
		}
		return endpoints;
	}

	private JsonNode status(String template, String name) {
		return this.json.readTree(Http.get(this.runtime.runtime("/api/instances/" + template + "/" + name)).body());
	}

	private HttpResponse<String> send(String method, String path, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.runtime.runtime(path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		return Http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
