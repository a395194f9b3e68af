package dev.hangar.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.RawHttp;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead properties (PROPPATCH) are kept on disk beside the space's files: they survive a
 * restart, go with their resource when it is copied, moved or deleted, and are bounded in
 * request size, count and size.
 */
@Tag("hostile-clients")
class StorageDeadPropertiesTest {

	private static final String NS = "http://example.com/ns";

	@TempDir
	Path home;

	private ServiceUnderTest start(String... arguments) {
		return ServiceUnderTest.start(new StorageConnector().connector("storage-users", 0), this.home, arguments);
	}

	@Test
	void aPropertySurvivesARestart() {
		try (ServiceUnderTest storage = start()) {
			Http.put(storage.uri("/song.mp3"), "audio/mpeg", "la la");
			assertThat(proppatch(storage.uri(""), "/song.mp3", set("rating", "five stars")).status()).isEqualTo(207);
		}
		try (ServiceUnderTest storage = start()) {
			assertThat(propfind(storage.uri(""), "/song.mp3")).contains("five stars");
		}
	}

	@Test
	void propertiesGoWithTheirResourceWhenItIsCopiedMovedAndDeleted() throws IOException {
		try (ServiceUnderTest storage = start()) {
			URI base = storage.uri("");
			RawHttp.send(base, "MKCOL", "/album/", "");
			Http.put(storage.uri("/album/a.jpg"), "image/jpeg", "jpeg");
			proppatch(base, "/album/", set("title", "Holidays"));
			proppatch(base, "/album/a.jpg", set("people", "Ann"));

			assertThat(RawHttp.send(base, "COPY", "/album/", "", "Destination: /copy/").status()).isEqualTo(201);
			assertThat(RawHttp.send(base, "MOVE", "/copy/", "", "Destination: /moved/").status()).isEqualTo(201);

			assertThat(propfind(base, "/album/")).contains("Holidays");
			assertThat(propfind(base, "/moved/")).contains("Holidays");
			assertThat(propfind(base, "/moved/a.jpg")).contains("Ann");
			assertThat(RawHttp.send(base, "PROPFIND", "/copy/", "", "Depth: 0").status()).isEqualTo(404);

			assertThat(RawHttp.send(base, "DELETE", "/moved/", "").status()).isEqualTo(204);
			RawHttp.send(base, "MKCOL", "/moved/", "");
			Http.put(storage.uri("/moved/a.jpg"), "image/jpeg", "new");
			assertThat(propfind(base, "/moved/")).doesNotContain("Holidays");
			assertThat(propfind(base, "/moved/a.jpg")).doesNotContain("Ann");
			assertThat(propertyFiles()).hasSize(2);
		}
	}

	@Test
	void aFileDeletedOnDiskLeavesNoPropertiesToTheNextFileOfThatName() throws IOException {
		try (ServiceUnderTest storage = start()) {
			Http.put(storage.uri("/notes.txt"), "text/plain", "old");
			proppatch(storage.uri(""), "/notes.txt", set("secret", "of the old file"));
			Files.delete(this.home.resolve("data/storage/users/notes.txt"));

			Http.put(storage.uri("/notes.txt"), "text/plain", "new");

			assertThat(propfind(storage.uri(""), "/notes.txt")).doesNotContain("of the old file");
		}
	}

	@Test
	void aBodyOverTheLimitGets413WhetherOrNotItsLengthIsDeclared() throws IOException {
		try (ServiceUnderTest storage = start("--dead-properties.max-request-size=16KB")) {
			Http.put(storage.uri("/f.txt"), "text/plain", "f");
			String big = set("big", "x".repeat(20 * 1024));

			RawHttp.Response declared = proppatch(storage.uri(""), "/f.txt", big);
			String undeclared = chunked(storage.uri(""), "PROPPATCH", "/f.txt", 100 * 1024 * 1024);

			assertThat(declared.status()).isEqualTo(413);
			assertThat(declared.body()).contains("dead-properties.max-request-size");
			assertThat(undeclared).startsWith("HTTP/1.1 413");
			assertThat(propertyFiles()).isEmpty();
		}
	}

	@Test
	void aResourceGetsNoMorePropertiesOrLargerOnesThanAllowed() throws IOException {
		try (ServiceUnderTest storage = start("--dead-properties.max-count=3",
				"--dead-properties.max-value-size=2KB")) {
			URI base = storage.uri("");
			Http.put(storage.uri("/f.txt"), "text/plain", "f");
			assertThat(proppatch(base, "/f.txt", set("p1", "1") + set("p2", "2")).status()).isEqualTo(207);

			RawHttp.Response tooMany = proppatch(base, "/f.txt", set("p3", "3") + set("p4", "4"));
			RawHttp.Response tooLarge = proppatch(base, "/f.txt", set("p1", "y".repeat(3000)));
			RawHttp.Response replacing = proppatch(base, "/f.txt", set("p1", "one") + set("p3", "three"));

			assertThat(tooMany.status()).isEqualTo(409);
			assertThat(tooMany.body()).contains("dead-properties.max-count");
			assertThat(tooLarge.status()).isEqualTo(413);
			assertThat(tooLarge.body()).contains("dead-properties.max-value-size");
			assertThat(replacing.status()).isEqualTo(207);
			String properties = propfind(base, "/f.txt");
			assertThat(properties).contains(">one<")
				.contains(">2<")
				.contains(">three<")
				.doesNotContain(">4<")
				.doesNotContain("yyy");
		}
	}

	@Test
	void aDocumentTypeDeclarationIsRefused() throws IOException {
		try (ServiceUnderTest storage = start()) {
			Http.put(storage.uri("/f.txt"), "text/plain", "f");
			String laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
					+ IntStream.range(1, 10)
						.mapToObj((i) -> "<!ENTITY a" + i + " \"" + ("&a" + (i == 1 ? "" : i - 1) + ";").repeat(10)
								+ "\">")
						.collect(Collectors.joining())
					+ "]><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><x xmlns=\"" + NS
					+ "\">&a9;</x></D:prop></D:set></D:propertyupdate>";

			RawHttp.Response response = RawHttp.send(storage.uri(""), "PROPPATCH", "/f.txt", laughs,
					"Content-Type: application/xml");

			assertThat(response.status()).isEqualTo(400);
			assertThat(propertyFiles()).isEmpty();
		}
	}

	private List<Path> propertyFiles() throws IOException {
		Path directory = this.home.resolve("data/storage/users/.hangar-properties");
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static String set(String name, String value) {
		return "<D:set><D:prop><z:" + name + " xmlns:z=\"" + NS + "\">" + value + "</z:" + name + "></D:prop></D:set>";
	}

	private static RawHttp.Response proppatch(URI base, String path, String operations) {
		return RawHttp.send(base, "PROPPATCH", path,
				"<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propertyupdate xmlns:D=\"DAV:\">" + operations
						+ "</D:propertyupdate>",
				"Content-Type: application/xml");
	}

	private static String propfind(URI base, String path) {
		RawHttp.Response response = RawHttp.send(base, "PROPFIND", path,
				"<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>", "Depth: 0",
				"Content-Type: application/xml");
		assertThat(response.status()).as("PROPFIND %s", path).isEqualTo(207);
		return response.body();
	}

	/**
	 * Sends a chunked body of {@code size} bytes while reading the answer, and returns
	 * what came back before the server closed the connection.
	 */
	private static String chunked(URI base, String method, String path, long size) throws IOException {
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			try {
				for (long sent = 0; sent < size; sent += 0x10000) {
					out.write(chunk);
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// The server stopped reading: its answer is what counts.
			}
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
