package dev.hangar.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A storage connector over real HTTP: the WebDAV verbs, its limits, its durability, its
 * health.
 */
class StorageConnectorTest {

	@TempDir
	Path home;

	private ServiceUnderTest start(String name, String... arguments) {
		return ServiceUnderTest.start(new StorageConnector().connector(name, 0), this.home, arguments);
	}

	@Test
	void uploadsOverwritesAndServesFilesWithETagAndLastModified() {
		try (ServiceUnderTest storage = start("storage-users")) {
			assertThat(put(storage, "/notes.txt", "first").statusCode()).isEqualTo(201);
			HttpResponse<String> first = Http.get(storage.uri("/notes.txt"));
			assertThat(first.body()).isEqualTo("first");
			assertThat(first.headers().firstValue("ETag")).isPresent();
			assertThat(first.headers().firstValue("Last-Modified")).isPresent();

			assertThat(put(storage, "/notes.txt", "second, longer").statusCode()).isEqualTo(204);
			HttpResponse<String> second = Http.get(storage.uri("/notes.txt"));
			assertThat(second.body()).isEqualTo("second, longer");
			assertThat(second.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
			assertThat(this.home.resolve("data/storage/users/notes.txt")).hasContent("second, longer");
		}
	}

	@Test
	void makesCollectionsCopiesMovesAndDeletes() {
		try (ServiceUnderTest storage = start("storage-users")) {
			assertThat(send(storage, "MKCOL", "/photos/", null).statusCode()).isEqualTo(201);
			put(storage, "/photos/cat.txt", "meow");
			assertThat(send(storage, "COPY", "/photos/cat.txt", storage.uri("/photos/cat-copy.txt")).statusCode())
				.isEqualTo(201);
			assertThat(send(storage, "MOVE", "/photos/cat-copy.txt", storage.uri("/moved.txt")).statusCode())
				.isEqualTo(201);

			assertThat(Http.get(storage.uri("/moved.txt")).body()).isEqualTo("meow");
			assertThat(Http.get(storage.uri("/photos/cat-copy.txt")).statusCode()).isEqualTo(404);
			String listing = send(storage, "PROPFIND", "/", null).body();
			assertThat(listing).contains("<D:href>/photos/</D:href>")
				.contains("<D:href>/moved.txt</D:href>")
				.doesNotContain(".hangar-uploads");

			assertThat(Http.delete(storage.uri("/photos/")).statusCode()).isEqualTo(204);
			assertThat(Http.get(storage.uri("/photos/cat.txt")).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void servesRangesOfAFile() {
		try (ServiceUnderTest storage = start("storage-users")) {
			put(storage, "/digits.txt", "0123456789");

			HttpResponse<String> range = Http.send(
					HttpRequest.newBuilder(storage.uri("/digits.txt")).header("Range", "bytes=2-5").GET().build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(range.statusCode()).isEqualTo(206);
			assertThat(range.body()).isEqualTo("2345");
			assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 2-5/10");
		}
	}

	@Test
	@Tag("hostile-clients")
	void anUploadOverTheQuotaGets507AndLeavesNothingBehind() throws IOException {
		try (ServiceUnderTest storage = start("storage-users", "--quota=1KB")) {
			assertThat(put(storage, "/small.txt", "x".repeat(600)).statusCode()).isEqualTo(201);

			HttpResponse<String> declared = put(storage, "/big.txt", "y".repeat(600));
			HttpResponse<String> chunked = Http.send(HttpRequest.newBuilder(storage.uri("/chunked.txt"))
				.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2048])))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(declared.statusCode()).isEqualTo(507);
			assertThat(declared.body()).contains("quota");
			assertThat(chunked.statusCode()).isEqualTo(507);
			assertThat(Http.get(storage.uri("/big.txt")).statusCode()).isEqualTo(404);
			assertThat(Http.get(storage.uri("/chunked.txt")).statusCode()).isEqualTo(404);
			assertThat(uploadsIn(this.home.resolve("data/storage/users"))).isEmpty();
			assertThat(Http.get(storage.uri("/small.txt")).body()).hasSize(600);
		}
	}

	@Test
	@Tag("hostile-clients")
	void aCopyOrMoveOntoAFolderThatWouldPassTheQuotaIsRefusedBeforeTheFolderIsTouched() throws IOException {
		try (ServiceUnderTest storage = start("storage-users", "--quota=4KB")) {
			Path root = this.home.resolve("data/storage/users");
			assertThat(put(storage, "/big.bin", "b".repeat(2500)).statusCode()).isEqualTo(201);
			assertThat(send(storage, "MKCOL", "/album/", null).statusCode()).isEqualTo(201);
			assertThat(put(storage, "/album/photo.txt", "p".repeat(100)).statusCode()).isEqualTo(201);

			HttpResponse<String> copy = send(storage, "COPY", "/big.bin", storage.uri("/album"));
			HttpResponse<String> move = send(storage, "MOVE", "/big.bin", storage.uri("/album/"));

			assertThat(copy.statusCode()).isEqualTo(507);
			assertThat(copy.body()).contains("quota").contains("Nothing was changed");
			assertThat(move.statusCode()).isEqualTo(507);
			assertThat(root.resolve("album/photo.txt")).hasContent("p".repeat(100));
			assertThat(root.resolve("big.bin")).hasSize(2500);
		}
	}

	@Test
	void anUploadOverTheSizeLimitGets413() {
		try (ServiceUnderTest storage = start("storage-users", "--max-upload-size=1KB")) {
			HttpResponse<String> response = put(storage, "/big.txt", "z".repeat(2000));

			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.body()).contains("max-upload-size");
		}
	}

	@Test
	void aReadOnlyConnectorServesFilesAndRefusesEveryWrite() throws IOException {
		Path root = Files.createDirectories(this.home.resolve("archive"));
		Files.writeString(root.resolve("kept.txt"), "kept");
		try (ServiceUnderTest storage = start("storage-users", "--read-only=true", "--root=" + root)) {
			assertThat(Http.get(storage.uri("/kept.txt")).body()).isEqualTo("kept");
			assertThat(put(storage, "/new.txt", "no").statusCode()).isEqualTo(403);
			assertThat(Http.delete(storage.uri("/kept.txt")).statusCode()).isEqualTo(403);
			assertThat(send(storage, "MKCOL", "/dir/", null).statusCode()).isEqualTo(403);
			assertThat(root.resolve("kept.txt")).hasContent("kept");
			assertThat(root.resolve("new.txt")).doesNotExist();
		}
	}

	@Test
	@Tag("hostile-clients")
	void pathsNeverEscapeTheRoot() throws IOException {
		Path outside = Files.writeString(this.home.resolve("secret.txt"), "secret");
		try (ServiceUnderTest storage = start("storage-users")) {
			Path root = this.home.resolve("data/storage/users");
			Files.createSymbolicLink(root.resolve("link"), this.home);

			assertThat(raw(storage, "GET /../secret.txt")).startsWith("HTTP/1.1 400");
			assertThat(raw(storage, "GET /%2e%2e/secret.txt")).startsWith("HTTP/1.1 400");
			assertThat(raw(storage, "GET /a/%2e%2e/%2e%2e/secret.txt")).startsWith("HTTP/1.1 400");
			assertThat(raw(storage, "PUT /../planted.txt")).startsWith("HTTP/1.1 400");
			assertThat(Http.get(storage.uri("/link/secret.txt")).statusCode()).isEqualTo(404);
			assertThat(put(storage, "/link/planted.txt", "x").statusCode()).isGreaterThanOrEqualTo(400);
			assertThat(this.home.resolve("planted.txt")).doesNotExist();
			assertThat(outside).hasContent("secret");
		}
	}

	@Test
	@Tag("hostile-clients")
	void anUploadCutOffMidwayLeavesTheOldFileIntact() throws IOException {
		try (ServiceUnderTest storage = start("storage-users")) {
			put(storage, "/report.txt", "the old, complete report");
			Path root = this.home.resolve("data/storage/users");

			try (Socket socket = new Socket("127.0.0.1", storage.uri("/").getPort())) {
				OutputStream out = socket.getOutputStream();
				out.write(("PUT /report.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n"
						+ "n".repeat(5000))
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				await().atMost(Duration.ofSeconds(10)).until(() -> !uploadsIn(root).isEmpty());
			}

			await().atMost(Duration.ofSeconds(10)).until(() -> uploadsIn(root).isEmpty());
			assertThat(root.resolve("report.txt")).hasContent("the old, complete report");
			assertThat(Http.get(storage.uri("/report.txt")).body()).isEqualTo("the old, complete report");
		}
	}

	@Test
	void twoConnectorsRunSideBySideWithSeparateRoots() {
		try (ServiceUnderTest users = start("storage-users"); ServiceUnderTest system = start("storage-system")) {
			put(users, "/only-users.txt", "u");
			put(system, "/only-system.txt", "s");

			assertThat(Http.get(users.uri("/only-system.txt")).statusCode()).isEqualTo(404);
			assertThat(Http.get(system.uri("/only-users.txt")).statusCode()).isEqualTo(404);
			assertThat(this.home.resolve("data/storage/users/only-users.txt")).hasContent("u");
			assertThat(this.home.resolve("data/storage/system/only-system.txt")).hasContent("s");
		}
	}

	@Test
	void healthIsDownWhenTheRootIsMissing() throws IOException {
		try (ServiceUnderTest storage = start("storage-users")) {
			assertThat(Http.get(storage.uri("/actuator/health")).statusCode()).isEqualTo(200);

			deleteTree(this.home.resolve("data/storage/users"));

			HttpResponse<String> health = Http.get(storage.uri("/actuator/health"));
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"storage\":{").contains("is missing");
		}
	}

	private static HttpResponse<String> put(ServiceUnderTest storage, String path, String content) {
		return Http.put(storage.uri(path), "application/octet-stream", content);
	}

	private static HttpResponse<String> send(ServiceUnderTest storage, String method, String path, URI destination) {
		HttpRequest.Builder request = HttpRequest.newBuilder(storage.uri(path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (destination != null) {
			request.header("Destination", destination.toString());
		}
		if (method.equals("PROPFIND")) {
			request.header("Depth", "1");
		}
		return Http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends a request line as written, with no client normalizing its path. */
	private static String raw(ServiceUnderTest storage, String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", storage.uri("/").getPort())) {
			socket.getOutputStream()
				.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static java.util.List<Path> uploadsIn(Path root) throws IOException {
		Path uploads = root.resolve(".hangar-uploads");
		if (!Files.isDirectory(uploads)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(uploads)) {
			return files.toList();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
