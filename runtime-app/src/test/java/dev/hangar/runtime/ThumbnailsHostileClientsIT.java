package dev.hangar.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.HostileImages;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * thumbnails.jar alone, on a small heap, against images that decode to hundreds of
 * megabytes and clients that give up: it stays up, answers each within its render memory,
 * and stops the work of clients that left.
 */
@Tag("hostile-clients")
class ThumbnailsHostileClientsIT {

	private static final Pattern CANCELLED = Pattern
		.compile("hangar_thumbnails_renders_cancelled_total\\{[^}]*\\} (\\S+)");

	@TempDir
	Path home;

	private final byte[] bomb = HostileImages.png16BitRgba(7000, 7000);

	@Test
	void sixMemoryBombsAtOnceOnA256MegabyteHeapAreAllAnsweredAndTheServiceStaysUp() {
		int port = FreePorts.next();
		try (HangarProcess thumbnails = start(port)) {
			URI base = URI.create("http://127.0.0.1:" + port);
			ExecutorService clients = Executors.newFixedThreadPool(6);
			List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				responses.add(CompletableFuture.supplyAsync(
						() -> Http.post(base.resolve("/thumbnails?size=512x512"), "image/png", this.bomb), clients));
			}

			for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
				assertThat(response.join().statusCode()).isEqualTo(200);
			}
			clients.shutdown();
			assertThat(thumbnails.isAlive()).isTrue();
			assertThat(thumbnails.output()).doesNotContain("OutOfMemoryError");
			assertThat(Http.get(base.resolve("/actuator/health")).body()).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void theRendersOfClientsThatGaveUpAreStopped() throws IOException {
		int port = FreePorts.next();
		try (HangarProcess thumbnails = start(port, "THUMBNAILS_RENDER_THREADS", "1")) {
			URI base = URI.create("http://127.0.0.1:" + port);
			List<Socket> clients = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				clients.add(sendWithoutWaiting(port, "/thumbnails?size=512x512"));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Http.get(base.resolve("/actuator/health")).body().contains("\"waitingForRender\":3"));

			for (Socket client : clients) {
				client.close();
			}

			await().atMost(Duration.ofSeconds(10)).until(() -> cancelledRenders(base) == 4);
			assertThat(Http.get(base.resolve("/actuator/health")).body()).contains("\"waitingForRender\":0");
			assertThat(Http.post(base.resolve("/thumbnails?size=64x64"), "image/png", this.bomb).statusCode())
				.isEqualTo(200);
		}
	}

	private HangarProcess start(int port, String... environment) {
		List<String> pairs = new ArrayList<>(
				List.of("THUMBNAILS_HTTP_PORT", String.valueOf(port), "JAVA_TOOL_OPTIONS", "-Xmx256m"));
		pairs.addAll(List.of(environment));
		HangarProcess process = HangarProcess.start(Jars.thumbnails(),
				HangarProcess.environment(this.home, pairs.toArray(String[]::new)),
				this.home.resolve("thumbnails.log"));
		process.awaitOutput("Tomcat started on port " + port, Duration.ofSeconds(60));
		return process;
	}

	/**
	 * Sends a whole request and returns its socket unread, as a client that will give up
	 * does.
	 */
	private Socket sendWithoutWaiting(int port, String path) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		OutputStream out = socket.getOutputStream();
		out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\nContent-Length: "
				+ this.bomb.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(this.bomb);
		out.flush();
		return socket;
	}

	private static double cancelledRenders(URI base) {
		Matcher matcher = CANCELLED.matcher(Http.get(base.resolve("/actuator/prometheus")).body());
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

}
