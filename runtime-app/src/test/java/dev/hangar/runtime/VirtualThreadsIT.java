package dev.hangar.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime on a JDK 21 or later: virtual threads switch on by themselves, and the
 * requests of every service run on them. The JDK is {@code HANGAR_TEST_JAVA21_HOME}, else
 * the newest under {@code /usr/lib/jvm}.
 */
class VirtualThreadsIT {

	private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

	@Test
	void onJava21OrLaterRequestsRunOnVirtualThreads(@TempDir Path home) throws IOException {
		Optional<Path> javaHome = java21OrLater();
		assumeThat(javaHome).as("a JDK 21+ (set HANGAR_TEST_JAVA21_HOME or install one under /usr/lib/jvm)")
			.isPresent();

		try (RuntimeUnderTest runtime = new RuntimeUnderTest(home).start(javaHome.get())) {
			JsonMapper json = JsonMapper.builder().build();
			for (var uri : new java.net.URI[] { runtime.thumbnails("/actuator/info"),
					runtime.settings("/actuator/info") }) {
				JsonNode thread = json.readTree(Http.get(uri).body()).path("hangar").path("requestThread");
				assertThat(thread.path("virtual").asBoolean()).as("request thread of %s: %s", uri, thread).isTrue();
				assertThat(thread.path("java").asInt()).isGreaterThanOrEqualTo(21);
			}
			assertThat(Http.get(runtime.runtime("/actuator/health")).statusCode()).isEqualTo(200);

			// Tomcat logs a malformed request from a virtual thread, before any filter:
			// still tagged.
			RuntimeServerIT.sendMalformedRequest(runtime.thumbnailsPort);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(runtime.process().output())
					.containsPattern("\\[thumbnails\\] .*Error parsing HTTP request header"));
		}
	}

	static Optional<Path> java21OrLater() {
		String configured = System.getenv("HANGAR_TEST_JAVA21_HOME");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.filter((candidate) -> Files.isExecutable(candidate.resolve("bin/java")))
				.filter((candidate) -> featureVersion(candidate) >= 21)
				.max(Comparator.comparingInt(VirtualThreadsIT::featureVersion));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static int featureVersion(Path javaHome) {
		try {
			Matcher matcher = VERSION.matcher(Files.readString(javaHome.resolve("release")));
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
