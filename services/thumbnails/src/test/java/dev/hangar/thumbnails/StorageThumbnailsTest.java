package dev.hangar.thumbnails;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.HostileImages;
import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thumbnails of stored files, against a real HTTP server that stands in for a storage
 * connector: it serves files with an ETag and answers 304 to a matching If-None-Match,
 * and counts what it sends.
 */
class StorageThumbnailsTest {

	@TempDir
	Path home;

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final AtomicInteger bodiesSent = new AtomicInteger();

	private final AtomicInteger notModified = new AtomicInteger();

	private HttpServer source;

	@BeforeEach
	void startSource() throws IOException {
		this.source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.source.createContext("/", (exchange) -> {
			byte[] file = this.files.get(exchange.getRequestURI().getRawPath());
			if (file == null) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			String etag = "\"" + java.util.Arrays.hashCode(file) + "\"";
			exchange.getResponseHeaders().add("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				this.notModified.incrementAndGet();
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			this.bodiesSent.incrementAndGet();
			exchange.sendResponseHeaders(200, file.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(file);
			}
		});
		this.source.start();
	}

	@AfterEach
	void stopSource() {
		this.source.stop(0);
	}

	private ServiceUnderTest start(String... more) {
		String[] arguments = Stream
			.concat(Stream.of("--storage.sources.storage-users=http://127.0.0.1:" + this.source.getAddress().getPort(),
					"--storage.cache.dir=" + this.home.resolve("cache")), Stream.of(more))
			.toArray(String[]::new);
		return ServiceUnderTest.start(new ThumbnailsService(), this.home, arguments);
	}

	@Test
	void makesAThumbnailOfAStoredFileAndAnswersTheNextRequestFromTheCache() {
		this.files.put("/photos/cat.png", TestImages.encoded("png", 400, 200));
		try (ServiceUnderTest thumbnails = start()) {
			HttpResponse<byte[]> first = get(thumbnails, "/thumbnails/storage-users/photos/cat.png?size=100x100");
			HttpResponse<byte[]> second = get(thumbnails, "/thumbnails/storage-users/photos/cat.png?size=100x100");

			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(first.headers().firstValue("X-Thumbnail-Cache")).hasValue("MISS");
			assertThat(TestImages.decoded(first.body()).getWidth()).isEqualTo(100);
			assertThat(second.headers().firstValue("X-Thumbnail-Cache")).hasValue("HIT");
			assertThat(second.body()).isEqualTo(first.body());
			assertThat(this.bodiesSent).hasValue(1);
			assertThat(this.notModified).hasValue(1);
		}
	}

	@Test
	void aChangedFileInvalidatesItsThumbnail() {
		this.files.put("/photos/cat.png", TestImages.encoded("png", 400, 200));
		try (ServiceUnderTest thumbnails = start()) {
			get(thumbnails, "/thumbnails/storage-users/photos/cat.png?size=100x100");
			this.files.put("/photos/cat.png", TestImages.encoded("png", 200, 400));

			HttpResponse<byte[]> changed = get(thumbnails, "/thumbnails/storage-users/photos/cat.png?size=100x100");

			assertThat(changed.headers().firstValue("X-Thumbnail-Cache")).hasValue("MISS");
			assertThat(TestImages.decoded(changed.body()).getHeight()).isEqualTo(100);
			assertThat(TestImages.decoded(changed.body()).getWidth()).isEqualTo(50);
		}
	}

	@Test
	void theCacheStaysWithinItsBoundDroppingTheLeastRecentlyUsed() throws IOException {
		for (int i = 0; i < 6; i++) {
			this.files.put("/p" + i + ".png", TestImages.encoded("png", 300 + i, 300));
		}
		try (ServiceUnderTest thumbnails = start("--storage.cache.max-size=40KB")) {
			for (int i = 0; i < 6; i++) {
				assertThat(
						get(thumbnails, "/thumbnails/storage-users/p" + i + ".png?size=64x64&format=bmp").statusCode())
					.isEqualTo(200);
			}

			long total;
			try (Stream<Path> entries = Files.list(this.home.resolve("cache"))) {
				total = entries.mapToLong((entry) -> entry.toFile().length()).sum();
			}
			assertThat(total).isPositive().isLessThanOrEqualTo(40 * 1024);
			HttpResponse<byte[]> newest = get(thumbnails, "/thumbnails/storage-users/p5.png?size=64x64&format=bmp");
			HttpResponse<byte[]> oldest = get(thumbnails, "/thumbnails/storage-users/p0.png?size=64x64&format=bmp");
			assertThat(newest.headers().firstValue("X-Thumbnail-Cache")).hasValue("HIT");
			assertThat(oldest.headers().firstValue("X-Thumbnail-Cache")).hasValue("MISS");
		}
	}

	@Test
	void aMissingFileIs404AndAnUnknownSourceIs404ThatNamesTheKnownOnes() {
		try (ServiceUnderTest thumbnails = start()) {
			assertThat(get(thumbnails, "/thumbnails/storage-users/nothing.png").statusCode()).isEqualTo(404);
			HttpResponse<byte[]> unknown = get(thumbnails, "/thumbnails/storage-elsewhere/a.png");
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(new String(unknown.body())).contains("storage-elsewhere").contains("storage-users");
		}
	}

	@Test
	void aStoredFileThatIsNotAnImageIsRefused() {
		this.files.put("/notes.txt", "just text".getBytes());
		try (ServiceUnderTest thumbnails = start()) {
			assertThat(get(thumbnails, "/thumbnails/storage-users/notes.txt").statusCode()).isEqualTo(415);
		}
	}

	@Test
	@Tag("hostile-clients")
	void aStoredImageThatDecodesToHundredsOfMegabytesIsScaledWithinTheRenderMemory() {
		this.files.put("/bomb.png", HostileImages.png16BitRgba(7000, 7000));
		try (ServiceUnderTest thumbnails = start("--render-memory=16MB")) {
			HttpResponse<byte[]> small = get(thumbnails, "/thumbnails/storage-users/bomb.png?size=128x128");
			HttpResponse<byte[]> large = get(thumbnails, "/thumbnails/storage-users/bomb.png?size=1024x1024");

			assertThat(small.statusCode()).isEqualTo(200);
			assertThat(TestImages.decoded(small.body()).getWidth()).isEqualTo(128);
			assertThat(large.statusCode()).isEqualTo(413);
			assertThat(new String(large.body())).contains("render-memory");
		}
	}

	@Test
	@Tag("hostile-clients")
	void aSourceThatDoesNotAnswerIs502NamingTheKeysToSet() {
		try (ServiceUnderTest thumbnails = ServiceUnderTest.start(new ThumbnailsService(), this.home,
				"--storage.sources.storage-users=http://127.0.0.1:" + dev.hangar.service.test.FreePorts.next())) {
			HttpResponse<byte[]> response = get(thumbnails, "/thumbnails/storage-users/cat.png");

			assertThat(response.statusCode()).isEqualTo(502);
			assertThat(new String(response.body())).contains("did not answer (ConnectException")
				.contains("STORAGE_USERS_HTTP_PORT")
				.contains("storage.sources.storage-users");
		}
	}

	@Test
	@Tag("hostile-clients")
	void aPathWithDotSegmentsOrHiddenSeparatorsIsRefusedBeforeTheSourceIsAsked() {
		this.files.put("/secret.png", TestImages.encoded("png", 10, 10));
		try (ServiceUnderTest thumbnails = start()) {
			for (String path : java.util.List.of("/photos/%2e%2e/secret.png", "/%2E/secret.png", "/a%2Fb.png",
					"/a%5Cb.png", "/a%00b.png", "/a//b.png")) {
				HttpResponse<byte[]> response = get(thumbnails, "/thumbnails/storage-users" + path);
				assertThat(response.statusCode()).as(path).isEqualTo(400);
			}
			assertThat(this.bodiesSent).hasValue(0);
		}
	}

	private static HttpResponse<byte[]> get(ServiceUnderTest thumbnails, String path) {
		return Http.send(java.net.http.HttpRequest.newBuilder(thumbnails.uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

}
