package dev.hangar.storage;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;
import dev.hangar.service.test.SlowClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 250 uploads that trickle a byte every 2 s hold connections, not threads: health, reads
 * and a legitimate upload are served at once while they last, and each of them is cut off
 * with 408 when {@code http.body-timeout} has passed, leaving nothing on disk.
 */
@Tag("hostile-clients")
class StorageSlowClientsTest {

	@TempDir
	Path home;

	@Test
	void readsAndHealthAreServedWhileSlowUploadsLastAndTheSlowOnesAreCutOffLeavingNothing() throws IOException {
		try (ServiceUnderTest storage = ServiceUnderTest.start(new StorageConnector().connector("storage-users", 0),
				this.home, "--http.body-timeout=4s")) {
			Http.put(storage.uri("/kept.txt"), "text/plain", "kept");
			try (SlowClients slow = SlowClients.start(storage.uri("/slow.bin"), "PUT", 250, Duration.ofSeconds(2))) {
				await().atMost(Duration.ofSeconds(10)).until(() -> slow.connected() == 250);

				for (int i = 0; i < 3; i++) {
					assertThat(Http.get(storage.uri("/actuator/health")).statusCode()).isEqualTo(200);
					assertThat(Http.get(storage.uri("/kept.txt")).body()).isEqualTo("kept");
				}
				assertThat(Http.put(storage.uri("/legit.txt"), "text/plain", "legit").statusCode()).isEqualTo(201);

				await().atMost(Duration.ofSeconds(20)).until(() -> slow.cutOff() >= 250);
				assertThat(slow.answers()).allMatch((answer) -> answer.startsWith("HTTP/1.1 408"));
			}
			Path root = this.home.resolve("data/storage/users");
			assertThat(root.resolve("legit.txt")).hasContent("legit");
			assertThat(root.resolve("slow.bin")).doesNotExist();
			await().atMost(Duration.ofSeconds(15)).until(() -> uploads(root).isEmpty());
		}
	}

	private static List<Path> uploads(Path root) throws IOException {
		try (Stream<Path> files = Files.list(root.resolve(".hangar-uploads"))) {
			return files.toList();
		}
	}

}
