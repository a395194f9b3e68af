package dev.hangar.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.RawHttp;
import dev.hangar.service.test.ServiceUnderTest;
import dev.hangar.service.test.SmallDisk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storage space on a disk that fills up: every write that does not fit is 507 with a
 * body that says so, nothing partial is left, what was there stays readable, and writes
 * work again as soon as space returns.
 */
@Tag("hostile-clients")
class StorageFullDiskTest {

	@TempDir
	Path home;

	@Test
	void writesThatDoNotFitGet507AndLeaveEverythingAsItWas() throws IOException {
		try (SmallDisk disk = SmallDisk.mount(this.home.resolve("disk"), 4); ServiceUnderTest storage = start(disk)) {
			Path root = disk.path();
			assertThat(Http.put(storage.uri("/report.txt"), "text/plain", "the old report").statusCode())
				.isEqualTo(201);
			Files.createDirectories(root.resolve("folder"));
			Files.writeString(root.resolve("folder/inside.txt"), "inside");
			Files.write(root.resolve("big.bin"), new byte[1024 * 1024]);
			Path filler = disk.fill("filler", 256 * 1024);

			HttpResponse<String> declared = Http.put(storage.uri("/report.txt"), "text/plain", "x".repeat(512 * 1024));
			HttpResponse<String> undeclared = Http.send(HttpRequest.newBuilder(storage.uri("/report.txt"))
				.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[512 * 1024])))
				.build(), HttpResponse.BodyHandlers.ofString());
			RawHttp.Response copyOverFolder = RawHttp.send(storage.uri(""), "COPY", "/big.bin", "",
					"Destination: /folder", "Overwrite: T");
			RawHttp.Response moveOverFolder = RawHttp.send(storage.uri(""), "MOVE", "/big.bin", "",
					"Destination: /folder/");

			assertThat(declared.statusCode()).isEqualTo(507);
			assertThat(declared.body()).contains("disk").contains("Nothing was changed");
			assertThat(undeclared.statusCode()).isEqualTo(507);
			assertThat(undeclared.body()).contains("disk is full").contains("nothing was stored");
			assertThat(copyOverFolder.status()).isEqualTo(507);
			assertThat(moveOverFolder.status()).isEqualTo(507);
			assertThat(root.resolve("report.txt")).hasContent("the old report");
			assertThat(root.resolve("folder/inside.txt")).hasContent("inside");
			assertThat(root.resolve("big.bin")).hasSize(1024 * 1024);
			assertThat(uploads(root)).isEmpty();
			assertThat(Http.get(storage.uri("/report.txt")).body()).isEqualTo("the old report");

			Files.delete(filler);
			HttpResponse<String> afterSpaceReturns = Http.put(storage.uri("/report.txt"), "text/plain",
					"y".repeat(512 * 1024));
			assertThat(afterSpaceReturns.statusCode()).isEqualTo(204);
			assertThat(root.resolve("report.txt")).hasSize(512 * 1024);
		}
	}

	private ServiceUnderTest start(SmallDisk disk) {
		return ServiceUnderTest.start(new StorageConnector().connector("storage-users", 0), this.home,
				"--root=" + disk.path());
	}

	private static java.util.List<Path> uploads(Path root) throws IOException {
		try (Stream<Path> files = Files.list(root.resolve(".hangar-uploads"))) {
			return files.toList();
		}
	}

}
