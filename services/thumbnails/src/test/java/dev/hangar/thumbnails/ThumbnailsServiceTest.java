package dev.hangar.thumbnails;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thumbnails service over real HTTP, with small limits so that refusals are cheap to
 * provoke.
 */
class ThumbnailsServiceTest {

	@TempDir
	static Path home;

	static ServiceUnderTest service;

	@BeforeAll
	static void start() {
		service = ServiceUnderTest.start(new ThumbnailsService(), home, "--max-input-size=200KB",
				"--max-input-pixels=1000000", "--max-width=512", "--max-height=512", "--render-threads=1");
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@ParameterizedTest(name = "a {0} image becomes a {1} thumbnail that fits the box")
	@CsvSource({ "png,png", "jpeg,jpeg", "gif,gif", "bmp,bmp", "png,jpeg", "jpeg,png", "gif,bmp", "bmp,gif" })
	void scalesEveryAcceptedFormatToEveryOutputFormat(String input, String output) {
		HttpResponse<byte[]> response = post("/thumbnails?size=64x48&format=" + output, "image/" + input,
				TestImages.encoded(input, 200, 100));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/" + output);
		BufferedImage thumbnail = TestImages.decoded(response.body());
		assertThat(thumbnail.getWidth()).isEqualTo(64);
		assertThat(thumbnail.getHeight()).isEqualTo(32);
		assertThat(response.headers().firstValue("X-Source-Size")).hasValue("200x100");
	}

	@Test
	void withoutSizeOrFormatItMakesTheConfiguredDefault() {
		HttpResponse<byte[]> response = post("/thumbnails", "application/octet-stream",
				TestImages.encoded("png", 300, 300));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(TestImages.decoded(response.body()).getWidth()).isEqualTo(128);
	}

	@Test
	void refusesWhatIsNotAnImage() {
		HttpResponse<byte[]> response = post("/thumbnails", "image/png",
				"hello, not an image".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(text(response)).contains("not a PNG, JPEG, GIF, BMP or WebP image");
	}

	@Test
	@Tag("hostile-clients")
	void refusesAnImageOverTheByteLimit() {
		HttpResponse<byte[]> response = post("/thumbnails", "image/bmp", TestImages.encoded("bmp", 400, 400));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(text(response)).contains("the limit is 204800 bytes (max-input-size)");
	}

	@Test
	@Tag("hostile-clients")
	void refusesADecompressionBombBeforeDecodingIt() {
		byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
		assertThat(bomb.length).isLessThan(1000);

		HttpResponse<byte[]> response = post("/thumbnails", "image/png", bomb);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(text(response)).contains("100000x100000").contains("max-input-pixels");
	}

	@Test
	void refusesAnImageWithMorePixelsThanConfigured() {
		HttpResponse<byte[]> response = post("/thumbnails", "image/png", TestImages.encoded("png", 1200, 1000));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(text(response)).contains("1200x1000").contains("1000000 pixels");
	}

	@ParameterizedTest(name = "refuses size={0}")
	@ValueSource(strings = { "0x10", "10x0", "513x10", "10x513", "99999x1", "big", "10x", "-5x5" })
	void refusesSizesOutOfRangeOrMalformed(String size) {
		HttpResponse<byte[]> response = post("/thumbnails?size=" + size, "image/png",
				TestImages.encoded("png", 50, 50));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(text(response)).contains("size");
	}

	@Test
	void refusesAnUnknownFormat() {
		HttpResponse<byte[]> response = post("/thumbnails?format=tiff", "image/png", TestImages.encoded("png", 50, 50));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(text(response)).contains("'tiff' is not one of png, jpeg, gif, bmp");
	}

	@Test
	void refusesABodyThatIsNotDeclaredAsAnImage() {
		HttpResponse<byte[]> response = post("/thumbnails", "application/x-www-form-urlencoded",
				TestImages.encoded("png", 50, 50));

		assertThat(response.statusCode()).isEqualTo(415);
	}

	@Test
	void refusesAnEmptyBody() {
		HttpResponse<byte[]> response = post("/thumbnails", "image/png", new byte[0]);

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void servesConcurrentRequestsOneAfterAnotherOnItsSingleRenderThread() {
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<HttpResponse<byte[]>>> responses = IntStream.range(0, 8)
				.mapToObj((i) -> CompletableFuture.supplyAsync(
						() -> post("/thumbnails?size=32x32", "image/png", TestImages.encoded("png", 300, 200)),
						clients))
				.toList();

			assertThat(responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void reportsItsOwnHealthWithTheImageFormatsItCanHandle() {
		HttpResponse<String> response = Http.get(service.uri("/actuator/health"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.contains("\"thumbnails\":{\"details\":{\"inputFormats\":[\"bmp\",\"gif\",\"jpeg\",\"png\",\"webp\"]")
			.contains("\"renderThreads\":1,\"waitingForRender\":0");
	}

	@Test
	@Tag("hostile-clients")
	void aMultipartBodyWithoutABoundaryIsRefusedByItsContentTypeNotParsed() {
		HttpResponse<byte[]> response = post("/thumbnails", "multipart/form-data", TestImages.encoded("png", 10, 10));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(text(response)).doesNotContain("Exception");
	}

	private static HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
		URI uri = service.uri(path);
		return Http.post(uri, contentType, body);
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
