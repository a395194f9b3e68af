package dev.hangar.thumbnails;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;
import dev.hangar.service.test.SlowClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 250 connections that trickle their upload a byte every 2 s: they hold connections, not
 * threads, so health and a legitimate client are served at once while it lasts, and each
 * of them is cut off when {@code http.body-timeout} has passed.
 */
@Tag("hostile-clients")
class ThumbnailsSlowClientsTest {

	@TempDir
	Path home;

	@Test
	void healthAndALegitimateClientAreServedWhileSlowClientsLastAndTheSlowOnesAreCutOff() {
		try (ServiceUnderTest service = ServiceUnderTest.start(new ThumbnailsService(), this.home,
				"--http.body-timeout=4s");
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
				SlowClients slow = SlowClients.trickleHeaders(service.uri("/actuator/health"), 250,
						Duration.ofSeconds(1))) {
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

	@Test
	void theBodiesHeldInMemoryAreBoundedTogetherAndGivenBackWhenTheirClientsLeave() throws IOException {
		try (ServiceUnderTest service = ServiceUnderTest.start(new ThumbnailsService(), this.home,
				"--http.body-memory=1MB")) {
			List<Socket> unfinished = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				unfinished.add(sendPart(service, 450 * 1024));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Http.get(service.uri("/actuator/health")).statusCode() == 200);

			try (Socket third = sendPart(service, 450 * 1024)) {
				third.setSoTimeout(10_000);
				String answer = new String(third.getInputStream().readNBytes(400), StandardCharsets.ISO_8859_1);
				assertThat(answer).startsWith("HTTP/1.1 503").contains("http.body-memory");
			}
			for (Socket socket : unfinished) {
				socket.close();
			}

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Http
					.post(service.uri("/thumbnails?size=32x32"), "image/png", TestImages.encoded("png", 100, 100))
					.statusCode() == 200);
		}
	}

	/** Declares a body of a megabyte and sends {@code bytes} of it, then waits. */
	private static Socket sendPart(ServiceUnderTest service, int bytes) throws IOException {
		Socket socket = new Socket("127.0.0.1", service.uri("/").getPort());
		OutputStream out = socket.getOutputStream();
		out.write(
				("POST /thumbnails HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\nContent-Length: 1000000\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
		out.write(new byte[bytes]);
		out.flush();
		return socket;
	}

}
