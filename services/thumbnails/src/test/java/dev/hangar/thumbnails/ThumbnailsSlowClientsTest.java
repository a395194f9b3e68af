package dev.hangar.thumbnails;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;
import dev.hangar.service.test.SlowClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 250 connections that trickle their upload a byte every 2 s: they hold connections, not threads,
 * so health and a legitimate client are served at once while it lasts, and each of them is cut
 * off when {@code http.body-timeout} has passed.
 */
@Tag("hostile-clients")
class ThumbnailsSlowClientsTest {

	@TempDir
	Path home;

	@Test
	void healthAndALegitimateClientAreServedWhileSlowClientsLastAndTheSlowOnesAreCutOff() {
		try (ServiceUnderTest service = ServiceUnderTest.start(new ThumbnailsService(), this.home, "--http.body-timeout=4s");
				SlowClients slow = SlowClients.start(service.uri("/thumbnails?size=64x64"), "POST", 250,
						Duration.ofSeconds(2), "Content-Type: image/png")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> slow.connected() == 250);

			for (int i = 0; i < 3; i++) {
				assertThat(Http.get(service.uri("/actuator/health")).statusCode()).isEqualTo(200);
				HttpResponse<byte[]> thumbnail = Http.post(service.uri("/thumbnails?size=32x32"), "image/png",
						TestImages.encoded("png", 100, 100));
				assertThat(thumbnail.statusCode()).isEqualTo(200);
			}

			await().atMost(Duration.ofSeconds(20)).until(() -> slow.cutOff() >= 250);
			assertThat(slow.answers()).allMatch((answer) -> answer.startsWith("HTTP/1.1 408"));
		}
	}

	@Test
	void clientsThatTrickleTheirHeadersHoldNoThreadAndASilentConnectionIsClosed() throws IOException {
		try (ServiceUnderTest service = ServiceUnderTest.start(new ThumbnailsService(), this.home,
				"--http.connection-timeout=2s");
				SlowClients slow = SlowClients.trickleHeaders(service.uri("/actuator/health"), 250, Duration.ofSeconds(1))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> slow.connected() == 250);

			for (int i = 0; i < 3; i++) {
				assertThat(Http.get(service.uri("/actuator/health")).statusCode()).isEqualTo(200);
			}
			try (Socket silent = new Socket("127.0.0.1", service.uri("/").getPort())) {
				silent.setSoTimeout(10_000);
				assertThat(silent.getInputStream().read()).as("a silent connection is closed").isEqualTo(-1);
			}
		}
	}

}
