package dev.hangar.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's structured logging, set as in any Boot app: every line, Tomcat's
 * included, is one JSON object with the service it was written for (and, in an instance's
 * process, the instance); {@code logging.file.name} writes a file too.
 */
class StructuredLoggingIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path home;

	@Test
	void theRuntimeWritesEcsToTheConsoleAndLogstashToItsFile() throws IOException {
		Path file = this.home.resolve("logs/hangar.log");
		try (RuntimeUnderTest runtime = new RuntimeUnderTest(this.home).start("HANGAR_RUN_SERVICES", "thumbnails",
				"HANGAR_LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "HANGAR_LOGGING_STRUCTURED_FORMAT_FILE", "logstash",
				"HANGAR_LOGGING_FILE_NAME", file.toString())) {
			Http.get(runtime.thumbnails("/no-such-page"));
			runtime.process().terminate();
			runtime.process().awaitExit(Duration.ofSeconds(60));

			List<JsonNode> console = lines(runtime.process().output());
			List<JsonNode> written = lines(Files.readString(file));

			assertEveryLineNamesItsService(console, (line) -> line.path("hangar").path("service"), "runtime",
					"thumbnails");
			assertThat(console)
				.allSatisfy((line) -> assertThat(line.path("ecs").path("version").isMissingNode()).isFalse());
			assertEveryLineNamesItsService(written, (line) -> line.path("hangar.service"), "runtime", "thumbnails");
			assertThat(written).allSatisfy((line) -> assertThat(line.path("@version").asString()).isEqualTo("1"));
		}
	}

	@Test
	void anInstanceWritesGelfWithItsServiceAndItsName() {
		int port = FreePorts.next();
		try (HangarProcess thumbnails = HangarProcess.start(Jars.thumbnails(),
				HangarProcess.environment(this.home, "THUMBNAILS_HTTP_PORT", String.valueOf(port), "HANGAR_INSTANCE",
						"t9", "THUMBNAILS_LOGGING_STRUCTURED_FORMAT_CONSOLE", "gelf"),
				this.home.resolve("thumbnails.log"))) {
			URI base = URI.create("http://127.0.0.1:" + port);
			await().atMost(Duration.ofSeconds(60)).until(() -> Http.isOk(base.resolve("/actuator/health/readiness")));
			thumbnails.terminate();
			thumbnails.awaitExit(Duration.ofSeconds(30));

			List<JsonNode> lines = lines(thumbnails.output());

			assertEveryLineNamesItsService(lines, (line) -> line.path("_hangar.service"), "thumbnails");
			assertThat(lines).allSatisfy((line) -> {
				assertThat(line.path("version").asString()).isEqualTo("1.1");
				assertThat(line.path("_hangar.instance").asString()).isEqualTo("t9");
			});
		}
	}

	/**
	 * Every line is JSON and names a service; Tomcat's own lines name the service whose
	 * Tomcat wrote them (the runtime has one of its own, for the management API).
	 */
	private static void assertEveryLineNamesItsService(List<JsonNode> lines, Function<JsonNode, JsonNode> service,
			String... tomcats) {
		assertThat(lines).isNotEmpty();
		assertThat(lines).allSatisfy((line) -> assertThat(service.apply(line).asString()).isNotBlank());
		assertThat(lines).map(service).map(JsonNode::asString).contains("thumbnails");
		assertThat(lines.stream()
			.filter((line) -> line.toString().contains("org.apache.catalina"))
			.map((line) -> service.apply(line).asString())
			.toList()).containsOnly(tomcats).contains(tomcats);
	}

	private List<JsonNode> lines(String output) {
		return output.lines().filter((line) -> !line.isBlank()).map(this.json::readTree).toList();
	}

}
