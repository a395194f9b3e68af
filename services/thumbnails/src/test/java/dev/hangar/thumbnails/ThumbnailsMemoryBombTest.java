package dev.hangar.thumbnails;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.HostileImages;
import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image small on the wire and huge when decoded (7000x7000 at 16 bits per channel, 392
 * MB of pixels, under {@code max-input-pixels}): decoded subsampled, within the render
 * memory (StorageThumbnailsTest shows the 413 when not even that fits).
 */
@Tag("hostile-clients")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThumbnailsMemoryBombTest {

	@TempDir
	static Path home;

	private final byte[] bomb = HostileImages.png16BitRgba(7000, 7000);

	private ServiceUnderTest service;

	@BeforeAll
	void start() {
		this.service = ServiceUnderTest.start(new ThumbnailsService(), home, "--render-memory=64MB",
				"--render-threads=2");
	}

	@AfterAll
	void stop() {
		this.service.close();
	}

	@Test
	void sixAtOnceEachGetTheirThumbnailAndTheRenderMemoryIsAllBackAfterwards() {
		ExecutorService clients = Executors.newFixedThreadPool(6);
		List<CompletableFuture<HttpResponse<byte[]>>> responses = IntStream.range(0, 6)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> post("/thumbnails?size=128x128"), clients))
			.toList();

		for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
			HttpResponse<byte[]> thumbnail = response.join();
			assertThat(thumbnail.statusCode()).isEqualTo(200);
			assertThat(thumbnail.headers().firstValue("X-Source-Size")).hasValue("7000x7000");
			BufferedImage image = TestImages.decoded(thumbnail.body());
			assertThat(image.getWidth()).isEqualTo(128);
			assertThat(image.getHeight()).isEqualTo(128);
		}
		clients.shutdown();
		assertThat(Http.get(this.service.uri("/actuator/health")).body())
			.contains("\"renderMemoryBytes\":67108864,\"renderMemoryFreeBytes\":67108864");
	}

	@Test
	void aLargeThumbnailIsDecodedAsCoarselyAsTheRenderMemoryRequires() {
		HttpResponse<byte[]> response = post("/thumbnails?size=1024x1024");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestImages.decoded(response.body()).getWidth()).isEqualTo(1024);
	}

	private HttpResponse<byte[]> post(String path) {
		URI uri = this.service.uri(path);
		return Http.post(uri, "image/png", this.bomb);
	}

}
